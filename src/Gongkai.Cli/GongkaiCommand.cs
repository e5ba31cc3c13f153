using System.CommandLine;
using Gongkai.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>
/// The <c>gongkai</c> command. It reads the same settings as the web app (appsettings.json in the
/// current folder, then environment variables such as <c>Database__Provider</c>, then the
/// <c>--provider</c> and <c>--connection</c> options) and builds the same services.
/// </summary>
public static class GongkaiCommand
{
    public static readonly Option<string?> Provider = new("--provider") { Description = "数据库类型：sqlite 或 postgres（默认读取配置）", Recursive = true };
    public static readonly Option<string?> Connection = new("--connection") { Description = "数据库连接字符串（默认读取配置）", Recursive = true };
    public static readonly Option<string?> KeyFile = new("--key-file") { Description = "个人信息加密密钥文件（默认读取配置 PersonalData:KeyFile）", Recursive = true };

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin) =>
        RunAsync(args, new CliIo(stdout, stderr, stdin, Console.OpenStandardOutput));

    public static async Task<int> RunAsync(string[] args, CliIo io)
    {
        var root = new RootCommand("公开 Gongkai：政府信息公开平台命令行工具");
        root.Options.Add(Provider);
        root.Options.Add(Connection);
        root.Options.Add(KeyFile);
        root.Subcommands.Add(DbCommands.Create(io));
        root.Subcommands.Add(SeedCommands.Create(io));
        root.Subcommands.Add(UserCommands.Create(io));
        root.Subcommands.Add(ReportCommands.Create(io));
        root.Subcommands.Add(RollUpCommand.Create(io));
        root.Subcommands.Add(AssessmentCommand.Create(io));
        root.Subcommands.Add(ApplicationCommands.Application(io));
        root.Subcommands.Add(ApplicationCommands.Deadline(io));
        root.Subcommands.Add(ApplicationCommands.Fee(io));
        root.Subcommands.Add(CalendarCommands.Create(io));
        root.Subcommands.Add(JobCommands.Create(io));
        root.Subcommands.Add(KeyCommands.Create(io));
        root.Subcommands.Add(SetupCommand.Create(io));
        root.Subcommands.Add(MovingInCommands.Agency(io));
        root.Subcommands.Add(MovingInCommands.Item(io));
        // What a command stores or prints ends up in letters and reports: a control character no
        // document can hold is refused here, for every option of every command (WritableText).
        for (var i = 0; i < args.Length; i++)
        {
            if (Domain.Text.WritableText.FirstUnwritable(args[i]) >= 0)
            {
                var option = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i].Split('=')[0] : i > 0 && args[i - 1].StartsWith('-') ? args[i - 1] : $"第 {i + 1} 个参数";
                await io.Error.WriteLineAsync($"{option} 中有无法保存的控制字符（如从其他软件复制来的隐藏字符），请删除后重试。");
                return 1;
            }
        }
        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = io.Out, Error = io.Error });
    }

    /// <summary>The services of the web app's composition root, for one command.</summary>
    public static ServiceProvider Services(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Provider) is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }
        if (parse.GetValue(Connection) is { } connection)
        {
            overrides["ConnectionStrings:Default"] = connection;
        }
        if (parse.GetValue(KeyFile) is { } keyFile)
        {
            overrides["PersonalData:KeyFile"] = keyFile;
        }
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddGongkaiData(configuration, Directory.GetCurrentDirectory());
        return services.BuildServiceProvider();
    }

    /// <summary>Runs a command body, turning expected failures into a message and exit code 1.</summary>
    public static async Task<int> Guard(CliIo io, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is SettingsException or CliException or IOException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            await io.Error.WriteLineAsync($"错误：{e.Message}");
            return 1;
        }
    }
}

/// <param name="OpenStandardOutput">Binary standard output, for a DOCX written to a pipe.</param>
public sealed record CliIo(TextWriter Out, TextWriter Error, TextReader In, Func<Stream> OpenStandardOutput);

/// <summary>A failure the user can fix, reported as a message without a stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
