using System.Security.Cryptography;
using Gongkai.Data.Applications;
using Gongkai.Data.Protection;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Data.Tests;

/// <summary>
/// 个人信息保护法 第五十一条 and 密评: applicants' ID numbers sealed with SM4 under a key outside the
/// database, found again by their HMAC-SM3, moved to a new key by a rotation, and a lost key
/// noticed at start-up instead of replaced in silence.
/// </summary>
public sealed class PersonalDataTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private const string Number = "11010519491231002X";

    [Fact]
    public void ASealedValue_OpensToItsText_DiffersEachTime_AndAChangedOneIsRefused()
    {
        var cipher = new PersonalDataCipher([PersonalDataCipher.NewKey()]);
        var (one, two) = (cipher.Seal(Number), cipher.Seal(Number));
        Assert.NotEqual(one, two); // a fresh nonce each time: equal numbers do not show as equal rows
        Assert.Equal((Number, Number), (cipher.Open(one), cipher.Open(two)));
        Assert.StartsWith($"sm4:{cipher.CurrentKeyId}:", one);

        var bytes = Convert.FromBase64String(one[(one.LastIndexOf(':') + 1)..]);
        bytes[^1] ^= 1;
        Assert.Throws<CryptographicException>(() => cipher.Open(one[..(one.LastIndexOf(':') + 1)] + Convert.ToBase64String(bytes)));
        Assert.Throws<CryptographicException>(() => new PersonalDataCipher([PersonalDataCipher.NewKey()]).Open(one));
    }

    /// <summary>GB/T 32907-2016's own example (appendix A.1): SM4 of 0123456789abcdeffedcba9876543210 under itself.</summary>
    [Fact]
    public void TheSm4Engine_GivesTheStandardsExample()
    {
        var block = Convert.FromHexString("0123456789abcdeffedcba9876543210");
        var engine = new Org.BouncyCastle.Crypto.Engines.SM4Engine();
        engine.Init(true, new Org.BouncyCastle.Crypto.Parameters.KeyParameter(block));
        var output = new byte[16];
        engine.ProcessBlock(block, 0, output, 0);
        Assert.Equal("681edf34d206965e86b3e94f536e4246", Convert.ToHexStringLower(output));
    }

    [Fact]
    public void TheLookup_IsTheSameForTheSameNumber_AndChangesWithTheKey()
    {
        var key = PersonalDataCipher.NewKey();
        var (a, b) = (new PersonalDataCipher([key]), new PersonalDataCipher([key]));
        Assert.Equal(a.Lookup(Number), b.Lookup(Number));
        Assert.NotEqual(a.Lookup(Number), a.Lookup("110105194912310013"));
        Assert.NotEqual(a.Lookup(Number), new PersonalDataCipher([PersonalDataCipher.NewKey()]).Lookup(Number));
        Assert.DoesNotContain("19491231", a.Lookup(Number));
    }

    [Fact]
    public void AMissingKeyFile_IsMadeOnce_ReadableByItsOwnerOnly_AndAMalformedOneStopsStartUp()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-keys-");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PersonalData:KeyFile"] = "keys/personal-data.key" }).Build();
            var first = PersonalDataCipher.Load(configuration, folder.FullName);
            var second = PersonalDataCipher.Load(configuration, folder.FullName);
            Assert.Equal(first.CurrentKeyId, second.CurrentKeyId);
            var path = Path.Combine(folder.FullName, "keys", "personal-data.key");
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
            File.AppendAllText(path, "deadbeef bm90IGEga2V5\n");
            var refused = Assert.Throws<SettingsException>(() => PersonalDataCipher.Load(configuration, folder.FullName));
            Assert.Contains("PersonalData:KeyFile", refused.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Processes starting at once on a machine without the key file (a CI run's parallel commands,
    /// two nodes) all end up with the one key written, never a half-written file: a CLI test read
    /// an empty file and its command failed ("holds no key") before the file was written aside and moved.
    /// </summary>
    [Fact]
    public async Task ManyStartingAtOnce_AgreeOnOneKey()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-keys-");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PersonalData:KeyFile"] = "personal-data.key" }).Build();
            using var start = new Barrier(16);
            var ids = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return PersonalDataCipher.Load(configuration, folder.FullName).CurrentKeyId;
            })));
            Assert.Single(ids.Distinct());
            Assert.Equal(["personal-data.key"], folder.GetFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The raw row holds the sealed number, its lookup and its mask; numbers stored in the clear by
    /// an older version are sealed at start-up; after a rotation (a new key appended) everything
    /// moves to the new key and one applicant's requests are still counted together; a key file
    /// without the key a row was sealed under stops start-up.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task NumbersAreSealedInEverySave_OldOnesAtStartUp_AndARotationMovesThemAll(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database);
        var agency = Contexts.Agency("a");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        DisclosureApplication Add(string id)
        {
            var applicant = new Applicant(ApplicantKind.NaturalPerson, "张三", id, "13812345678", null, null, "某信息", "电子邮件");
            var (application, _) = ApplicationRecords.New(applicant, agency.Id, new DateOnly(2026, 1, 5), Channel.Online, WorkingCalendar.National, DateTime.UtcNow);
            db.Applications.Add(application);
            return application;
        }
        var saved = Add(Number);
        await db.SaveChangesAsync();
        Assert.Equal("1101**********002X", saved.IdNumberMasked);
        Assert.Equal(Contexts.Cipher.Lookup(Number), saved.IdNumberLookup);

        // An older version's row, in the clear.
        var legacy = Add(Number);
        await db.SaveChangesAsync();
        await db.Applications.Where(a => a.Id == legacy.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.IdNumber, Number)
            .SetProperty(a => a.IdNumberLookup, (string?)null).SetProperty(a => a.IdNumberMasked, (string?)null));

        // Start-up with the tests' key: the clear one is sealed, the sealed one stays.
        Assert.Equal(1, await PersonalDataSeals.SealAllAsync(db, Contexts.Cipher));
        Assert.Equal(0, await PersonalDataSeals.SealAllAsync(db, Contexts.Cipher));
        async Task<List<(string Stored, string? Lookup, string? Masked)>> RawAsync()
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id_number, id_number_lookup, id_number_masked FROM applications ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<(string, string?, string?)>();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
            return rows;
        }
        Assert.All(await RawAsync(), r => Assert.Equal((true, "1101**********002X", Contexts.Cipher.Lookup(Number)),
            (r.Stored.StartsWith($"sm4:{Contexts.Cipher.CurrentKeyId}:", StringComparison.Ordinal), r.Masked, r.Lookup)));
        Assert.Equal(2, await ApplicationRecords.RequestNumberInMonthAsync(db, await db.Applications.AsNoTracking().SingleAsync(a => a.Id == legacy.Id)));

        // Rotation: the key file gains a new key; everything is sealed again under it.
        var rotated = new PersonalDataCipher([Contexts.Key, PersonalDataCipher.NewKey()]);
        Assert.Equal(2, await PersonalDataSeals.SealAllAsync(db, rotated));
        Assert.All(await RawAsync(), r => Assert.Equal((Number, rotated.Lookup(Number)), (rotated.Open(r.Stored), r.Lookup)));
        Assert.Equal(2, await ApplicationRecords.RequestNumberInMonthAsync(db, await db.Applications.AsNoTracking().SingleAsync(a => a.Id == legacy.Id)));

        // A key file that lost the key in use: start-up stops, naming the setting, and nothing is changed.
        var before = await RawAsync();
        var lost = await Assert.ThrowsAsync<SettingsException>(() => PersonalDataSeals.SealAllAsync(db, new PersonalDataCipher([PersonalDataCipher.NewKey()])));
        Assert.Contains("PersonalData:KeyFile", lost.Message);
        Assert.Equal(before, await RawAsync());
    }
}
