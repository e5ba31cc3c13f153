using System.Security.Cryptography;
using Gongkai.Data.Applications;
using Gongkai.Domain.Disclosure;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gongkai.Data.Protection;

/// <summary>
/// Where applicants' ID numbers are sealed: in the save pipeline (<see cref="GongkaiDb"/>), so no
/// path — web form, console, CLI, import — can store one in the clear; and once at start-up for
/// what an older version stored in the clear or under a key since rotated.
/// </summary>
public static class PersonalDataSeals
{
    /// <summary>The masked form kept beside the sealed number for every page and list (1101**********002X).</summary>
    public static string Masked(string idNumber) => idNumber.Length >= 9 ? PersonalDataGuard.Mask(PersonalDataKind.ResidentId, idNumber) : new string('*', idNumber.Length);

    /// <summary>Seals each ID number the save is about to write in the clear; its lookup value and masked form go with it.</summary>
    public static void SealPending(ChangeTracker changes, PersonalDataCipher cipher)
    {
        foreach (var entry in changes.Entries<DisclosureApplication>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified && entry.Entity.IdNumber is { } number && !PersonalDataCipher.IsSealed(number))
            {
                Seal(entry.Entity, number, cipher);
            }
        }
    }

    private static void Seal(DisclosureApplication application, string plain, PersonalDataCipher cipher)
    {
        application.IdNumber = cipher.Seal(plain);
        application.IdNumberLookup = cipher.Lookup(plain);
        application.IdNumberMasked = Masked(plain);
    }

    /// <summary>
    /// Seals under the current key every ID number stored in the clear (before 0024) or under an
    /// older key (after <c>gongkai keys rotate</c>), in batches, outside the audited pipeline (the
    /// number itself is not audited; the records may belong to a locked report year). A number
    /// sealed under a key the key file lacks stops start-up: the key file is wrong or lost.
    /// </summary>
    /// <returns>How many numbers were sealed again.</returns>
    public static async Task<int> SealAllAsync(GongkaiDb db, PersonalDataCipher cipher, CancellationToken ct = default)
    {
        var current = $"{PersonalDataCipher.Prefix}{cipher.CurrentKeyId}:";
        // Second-factor secrets are only ever stored sealed; after a rotation they move to the new key.
        var secrets = await db.StaffUsers.AsNoTracking().Where(u => u.TotpSecret != null && !u.TotpSecret.StartsWith(current))
            .Select(u => new { u.Id, Secret = u.TotpSecret! }).ToListAsync(ct);
        foreach (var row in secrets)
        {
            var resealed = cipher.Seal(Open(cipher, row.Secret, $"Staff account {row.Id}'s second-factor secret"));
            await db.StaffUsers.Where(u => u.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpSecret, resealed), ct);
        }
        var sealedAgain = secrets.Count;
        while (true)
        {
            var batch = await db.Applications.AsNoTracking()
                .Where(a => a.IdNumber != null && !a.IdNumber.StartsWith(current))
                .OrderBy(a => a.Id).Select(a => new { a.Id, IdNumber = a.IdNumber! }).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return sealedAgain;
            }
            foreach (var row in batch)
            {
                var plain = PersonalDataCipher.IsSealed(row.IdNumber) ? Open(cipher, row.IdNumber, $"Application {row.Id}'s ID number") : row.IdNumber;
                var (number, lookup, masked) = (cipher.Seal(plain), cipher.Lookup(plain), Masked(plain));
                await db.Applications.Where(a => a.Id == row.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.IdNumber, number).SetProperty(a => a.IdNumberLookup, lookup).SetProperty(a => a.IdNumberMasked, masked), ct);
                sealedAgain++;
            }
        }
    }

    private static string Open(PersonalDataCipher cipher, string value, string what)
    {
        try
        {
            return cipher.Open(value);
        }
        catch (CryptographicException e)
        {
            throw new SettingsException(
                $"{what} was sealed under key {PersonalDataCipher.KeyIdOf(value)}, which PersonalData:KeyFile does not hold ({string.Join(", ", cipher.KeyIds)}), or was changed: restore the key file from its backup. （个人信息密钥文件 PersonalData:KeyFile 缺少所需的密钥，请从备份恢复密钥文件） {e.Message}");
        }
    }
}
