using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Gongkai.Data.Protection;

/// <summary>
/// Seals sensitive personal data at rest with SM4 (GB/T 32907-2016) in GCM mode and makes its
/// lookup value with HMAC-SM3 (GB/T 32905-2016): 个人信息保护法 第五十一条 asks for encryption of
/// personal information, GB/T 35273-2020 lists 身份证件号码 as sensitive, and 密评 (GB/T 39786-2021)
/// expects the national algorithms. The keys live in a file outside the database
/// (<c>PersonalData:KeyFile</c>), so a copy of the database alone reveals no number.
/// <para>
/// The key file holds one key per line, <c>key-id base64-key</c>; the last line is the current key,
/// the earlier ones are kept only to open what they sealed (rotation: <c>gongkai keys rotate</c>
/// adds a key and seals everything again under it).
/// </para>
/// </summary>
public sealed class PersonalDataCipher
{
    /// <summary>What every sealed value starts with: <c>sm4:key-id:base64(nonce ‖ ciphertext ‖ tag)</c>.</summary>
    public const string Prefix = "sm4:";

    private const int KeyBytes = 16, NonceBytes = 12, TagBits = 128;

    private readonly IReadOnlyList<(string Id, byte[] Key)> _keys;
    private readonly byte[] _lookupKey;

    /// <param name="keys">Oldest first; the last one seals.</param>
    /// <param name="keyFile">Where the keys were read from, if from a file (<see cref="Rotate"/> adds to it).</param>
    public PersonalDataCipher(IReadOnlyList<byte[]> keys, string? keyFile = null)
    {
        KeyFile = keyFile;
        if (keys.Count == 0 || keys.Any(k => k.Length != KeyBytes))
        {
            throw new ArgumentException($"Each key is {KeyBytes} bytes (SM4), and at least one is needed.", nameof(keys));
        }
        _keys = keys.Select(k => (IdOf(k), k.ToArray())).ToList();
        // The lookup key is derived from the current key, not the key itself: one key, two uses kept apart.
        _lookupKey = Sm3(Encoding.ASCII.GetBytes("gongkai personal-data lookup"), _keys[^1].Key);
    }

    public string? KeyFile { get; }

    /// <summary>The current key's id: a value sealed under another key is sealed again at start-up.</summary>
    public string CurrentKeyId => _keys[^1].Id;

    public IEnumerable<string> KeyIds => _keys.Select(k => k.Id);

    public static bool IsSealed(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The key id a sealed value names, or null for a value not sealed.</summary>
    public static string? KeyIdOf(string value) => IsSealed(value) && value.IndexOf(':', Prefix.Length) is > 0 and var end ? value[Prefix.Length..end] : null;

    public string Seal(string plain)
    {
        var (id, key) = _keys[^1];
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var gcm = Gcm(true, key, nonce);
        var input = Encoding.UTF8.GetBytes(plain);
        var output = new byte[gcm.GetOutputSize(input.Length)];
        var length = gcm.ProcessBytes(input, 0, input.Length, output, 0);
        length += gcm.DoFinal(output, length);
        return $"{Prefix}{id}:{Convert.ToBase64String([.. nonce, .. output.AsSpan(0, length)])}";
    }

    /// <summary>The plain text of a sealed value.</summary>
    /// <exception cref="CryptographicException">Its key is not in the key file, or the value was changed.</exception>
    public string Open(string value)
    {
        var id = KeyIdOf(value) ?? throw new CryptographicException("Not a sealed value.");
        var key = _keys.FirstOrDefault(k => k.Id == id).Key
            ?? throw new CryptographicException($"The key {id} that sealed this value is not in the key file (PersonalData:KeyFile).");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value[(Prefix.Length + id.Length + 1)..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("A sealed value is damaged.", e);
        }
        if (bytes.Length < NonceBytes + TagBits / 8)
        {
            throw new CryptographicException("A sealed value is damaged.");
        }
        var gcm = Gcm(false, key, bytes[..NonceBytes]);
        var output = new byte[gcm.GetOutputSize(bytes.Length - NonceBytes)];
        try
        {
            var length = gcm.ProcessBytes(bytes, NonceBytes, bytes.Length - NonceBytes, output, 0);
            length += gcm.DoFinal(output, length);
            return Encoding.UTF8.GetString(output, 0, length);
        }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e)
        {
            throw new CryptographicException("A sealed value was changed or damaged (its SM4-GCM tag does not match).", e);
        }
    }

    /// <summary>
    /// The same value for the same plain text under the same current key (HMAC-SM3, hex): what the
    /// database compares to find one applicant's requests without holding the number in the clear.
    /// </summary>
    public string Lookup(string plain)
    {
        var hmac = new HMac(new SM3Digest());
        hmac.Init(new KeyParameter(_lookupKey));
        var input = Encoding.UTF8.GetBytes(plain);
        hmac.BlockUpdate(input, 0, input.Length);
        var output = new byte[hmac.GetMacSize()];
        hmac.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    private static GcmBlockCipher Gcm(bool forSealing, byte[] key, byte[] nonce)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(forSealing, new AeadParameters(new KeyParameter(key), TagBits, nonce));
        return gcm;
    }

    private static string IdOf(byte[] key) => Convert.ToHexStringLower(Sm3(Encoding.ASCII.GetBytes("gongkai key id"), key))[..8];

    private static byte[] Sm3(byte[] label, byte[] key)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(label, 0, label.Length);
        digest.BlockUpdate(key, 0, key.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output[..KeyBytes];
    }

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    /// <summary>The key file's line for <paramref name="key"/>.</summary>
    public static string LineFor(byte[] key) => $"{IdOf(key)} {Convert.ToBase64String(key)}";

    /// <summary>
    /// The keys at <c>PersonalData:KeyFile</c> (default App_Data/personal-data.key beside the
    /// SQLite database). A missing file is made with one new key, readable by its owner only — a
    /// database that already holds sealed values refuses it at start-up
    /// (<see cref="PersonalDataSeals.SealAllAsync"/>), so a lost key file is noticed, never replaced
    /// in silence.
    /// </summary>
    public static PersonalDataCipher Load(IConfiguration configuration, string baseDirectory)
    {
        var path = KeyFilePath(configuration, baseDirectory);
        if (!File.Exists(path))
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // Written aside and moved into place without overwriting: another node or process
                // making the file at the same moment never reads it half-written, and one key wins.
                var aside = $"{path}.{Guid.NewGuid():N}.tmp";
                using (var file = OwnerOnlyFiles.CreateNew(aside))
                using (var writer = new StreamWriter(file))
                {
                    writer.Write($"# Gongkai personal-data keys (SM4). Back this file up apart from the database; every node needs the same file.\n{LineFor(NewKey())}\n");
                }
                PlaceUnlessPresent(aside, path);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new SettingsException($"PersonalData:KeyFile {path} does not exist and cannot be made here ({e.Message}): create it, or let the service's user write its folder. （个人信息密钥文件不存在且无法创建）");
            }
        }
        return new PersonalDataCipher(ReadKeys(path), path);
    }

    /// <summary>
    /// Puts the written file at <paramref name="path"/> unless a file is there already, in one step:
    /// two processes making the key at the same moment must not both "win", one overwriting the key
    /// the other has already read. .NET's File.Move without overwrite checks and then renames (a
    /// window between the two on Linux; the concurrent-start test found it), so on Unix the file is
    /// hard-linked into place — link(2) fails with EEXIST when the name is taken — and on Windows
    /// MoveFileEx without replace is itself atomic.
    /// </summary>
    private static void PlaceUnlessPresent(string aside, string path)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                try
                {
                    File.Move(aside, path, overwrite: false);
                }
                catch (IOException) when (File.Exists(path))
                {
                }
            }
            else if (Link(aside, path) != 0 && Marshal.GetLastPInvokeError() != EExist)
            {
                throw new IOException($"Cannot place the key file {path} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            File.Delete(aside);
        }
    }

    private const int EExist = 17;

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);

    /// <summary>
    /// Key rotation: a new key is appended to the key file (written aside and renamed, so no reader
    /// sees half a file) and becomes the current one; the old keys stay to open what they sealed
    /// until <see cref="PersonalDataSeals.SealAllAsync"/> has moved everything.
    /// </summary>
    public PersonalDataCipher Rotate()
    {
        var path = KeyFile ?? throw new InvalidOperationException("These keys were not read from a file.");
        var aside = $"{path}.{Guid.NewGuid():N}";
        File.WriteAllText(aside, File.ReadAllText(path).TrimEnd('\n') + "\n" + LineFor(NewKey()) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aside, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(aside, path, overwrite: true);
        return new PersonalDataCipher(ReadKeys(path), path);
    }

    public static string KeyFilePath(IConfiguration configuration, string baseDirectory) =>
        Path.GetFullPath(configuration["PersonalData:KeyFile"] is { Length: > 0 } configured ? configured : Path.Combine("App_Data", "personal-data.key"), baseDirectory);

    public static IReadOnlyList<byte[]> ReadKeys(string path)
    {
        var keys = new List<byte[]>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            byte[]? key = null;
            try
            {
                key = parts.Length == 2 ? Convert.FromBase64String(parts[1]) : null;
            }
            catch (FormatException)
            {
            }
            if (key is not { Length: KeyBytes } || IdOf(key) != parts[0])
            {
                throw new SettingsException(string.Create(CultureInfo.InvariantCulture,
                    $"PersonalData:KeyFile {path}, line {number}: expected 'key-id base64-key' with a {KeyBytes}-byte key whose id matches. （个人信息密钥文件第 {number} 行格式不正确）"));
            }
            keys.Add(key);
        }
        return keys.Count > 0 ? keys
            : throw new SettingsException($"PersonalData:KeyFile {path} holds no key. （个人信息密钥文件中没有密钥）");
    }
}
