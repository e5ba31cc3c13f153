using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Protection;
using Gongkai.Data.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary><c>gongkai keys rotate</c>: a new personal-data key, and every sealed value moved to it.</summary>
public static class KeyCommands
{
    public static Command Create(CliIo io)
    {
        var keys = new Command("keys", "个人信息加密密钥（SM4）");
        var rotate = new Command("rotate", "生成新密钥并用它重新加密全部身份证件号码和双因素密钥（请先停止各网站节点，完成后把密钥文件复制到每个节点）");
        rotate.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct: ct);
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            // What an older key or an older version left is moved first, so a lost key is found before a new one is added.
            await PersonalDataSeals.SealAllAsync(db, db.PersonalData, ct);
            var rotated = db.PersonalData.Rotate();
            var count = await PersonalDataSeals.SealAllAsync(db, rotated, ct);
            await io.Out.WriteLineAsync($"新密钥 {rotated.CurrentKeyId} 已写入 {rotated.KeyFile}；已重新加密 {count} 项。旧密钥仍保留在文件中，可在确认备份后删除。");
            return 0;
        }));
        keys.Subcommands.Add(rotate);
        return keys;
    }
}
