using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Schema;
using Gongkai.Data.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary><c>gongkai db migrate</c> and <c>gongkai db backup</c>.</summary>
public static class DbCommands
{
    public static Command Create(CliIo io)
    {
        var db = new Command("db", "数据库：升级结构、备份");

        var to = new Option<int?>("--to") { Description = "升级到指定版本（默认最新）" };
        var migrate = new Command("migrate", "把数据库结构升级到当前版本（保留全部数据）") { to };
        migrate.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            var migrator = scope.ServiceProvider.GetRequiredService<SchemaMigrator>();
            var ran = await migrator.MigrateAsync(parse.GetValue(to), ct);
            foreach (var script in ran)
            {
                await io.Out.WriteLineAsync($"已执行 {script.Name}");
            }
            // The index exists only in the latest schema; a step-by-step upgrade builds it at the last step.
            if (parse.GetValue(to) is null && await scope.ServiceProvider.GetRequiredService<GongkaiDb>().Search.EnsureBuiltAsync(ct) is > 0 and var indexed)
            {
                await io.Out.WriteLineAsync($"已重建全文索引：{indexed} 条已发布信息");
            }
            await io.Out.WriteLineAsync($"数据库结构版本：{await migrator.CurrentVersionAsync(ct)}");
            return 0;
        }));
        db.Subcommands.Add(migrate);

        var file = new Argument<FileInfo>("file") { Description = "备份文件路径" };
        var backup = new Command("backup", "在线备份 SQLite 数据库（一致的副本，无需停机）") { file };
        backup.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            using var services = GongkaiCommand.Services(parse);
            var settings = services.GetRequiredService<DatabaseSettings>();
            if (settings.Provider != DatabaseProvider.Sqlite)
            {
                throw new CliException("db backup 仅用于 SQLite；PostgreSQL 请使用 pg_dump。");
            }
            var target = parse.GetValue(file)!;
            if (target.Exists)
            {
                throw new CliException($"备份文件已存在：{target.FullName}（不会覆盖）");
            }
            target.Directory?.Create();
            await using var source = new SqliteConnection(settings.ConnectionString);
            await source.OpenAsync(ct);
            await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target.FullName, Pooling = false }.ToString());
            await destination.OpenAsync(ct);
            // SQLite's online backup API copies a consistent snapshot while the site keeps running.
            source.BackupDatabase(destination);
            await io.Out.WriteLineAsync($"已备份到 {target.FullName}");
            return 0;
        }));
        db.Subcommands.Add(backup);
        return db;
    }
}
