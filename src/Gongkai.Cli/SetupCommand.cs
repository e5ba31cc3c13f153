using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Schema;
using Gongkai.Data.Setup;
using Gongkai.Domain.Agencies;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai setup</c>: the first start in production — the root agency and the first system
/// administrator on an empty database (the web site shows this command until it has run).
/// </summary>
public static class SetupCommand
{
    public static Command Create(CliIo io)
    {
        var code = new Option<string>("--agency-code") { Description = "本级机构简码（网址和索引号使用），如 qx", Required = true };
        var name = new Option<string>("--agency-name") { Description = "本级机构名称，如 青溪县人民政府", Required = true };
        var kind = new Option<string>("--kind") { Description = "机构类别：人民政府 | 政府部门 | 街道办事处 | 其他机关", DefaultValueFactory = _ => "人民政府" };
        var level = new Option<string>("--level") { Description = "层级：省级 | 市级 | 县级 | 乡级", DefaultValueFactory = _ => "县级" };
        var admin = new Option<string>("--admin") { Description = "系统管理员的用户名", Required = true };
        var adminName = new Option<string>("--admin-name") { Description = "系统管理员的姓名", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取系统管理员的密码（不会出现在命令历史中）", Required = true };
        var setup = new Command("setup", "首次部署：在空数据库中建立本级机构和第一个系统管理员") { code, name, kind, level, admin, adminName, passwordStdin };
        setup.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var request = new PlatformSetup.Request(parse.GetValue(code)!.Trim(), parse.GetValue(name)!,
                AgencyRules.KindOf(parse.GetValue(kind)) ?? throw new CliException($"--kind 的值无效，可选：{string.Join("、", Enum.GetValues<AgencyKind>().Select(k => k.Label()))}。"),
                AgencyRules.LevelOf(parse.GetValue(level)) ?? throw new CliException($"--level 的值无效，可选：{string.Join("、", Enum.GetValues<AgencyLevel>().Select(l => l.Label()))}。"),
                parse.GetValue(admin)!, parse.GetValue(adminName)!, (await io.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "");
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct: ct);
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            db.Actor.Set(null, "命令行（首次部署）");
            var outcome = await PlatformSetup.SetUpAsync(db, request, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
            if (!outcome.IsDone)
            {
                throw new CliException(string.Join("\n", outcome.Problems.Select(p => p.Field is { } field ? $"{OptionOf(field)}：{p.Message}" : p.Message)));
            }
            var (agency, user) = outcome.Value!;
            await io.Out.WriteLineAsync($"""
                已建立机构 {agency.Name}（简码 {agency.ShortCode}）和系统管理员 {user.UserName}。
                下一步：
                  1. 用 {user.UserName} 登录 /console，按提示设置双因素登录；在“机构”中填写公开工作机构的名称、地址和电话（公开指南要用）。
                  2. 建立安全管理员和审计管理员（三员分立）：
                     gongkai user add --agency {agency.ShortCode} --username 安全管理员用户名 --name 姓名 --role security-admin --password-stdin
                     gongkai user add --agency {agency.ShortCode} --username 审计管理员用户名 --name 姓名 --role audit-admin --password-stdin
                  3. 新增下级机构和工作人员（工作台“机构”“用户”）。
                """);
            return 0;
        }));
        return setup;
    }

    private static string OptionOf(string field) => field switch
    {
        "AgencyCode" => "--agency-code",
        "AgencyName" => "--agency-name",
        "AdminUserName" => "--admin",
        "AdminName" => "--admin-name",
        "Password" => "--password-stdin",
        _ => field,
    };
}
