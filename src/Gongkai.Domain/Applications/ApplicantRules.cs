using System.Text.RegularExpressions;

namespace Gongkai.Domain.Applications;

/// <summary>Checks of what an applicant types in: the resident ID number's check digit, a phone number.</summary>
public static partial class ApplicantRules
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCodes = "10X98765432";

    /// <summary>Whether an 18-digit resident ID number (GB 11643) is well formed: birth date and check digit.</summary>
    public static bool IsResidentId(string? id)
    {
        if (id is null || id.Length != 18 || !id[..17].All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * Weights[i];
        }
        if (char.ToUpperInvariant(id[17]) != CheckCodes[sum % 11])
        {
            return false;
        }
        return DateOnly.TryParseExact(id[6..14], "yyyyMMdd", out var birth) && birth.Year >= 1900;
    }

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex Phone();

    /// <summary>A mainland mobile number (1xx xxxx xxxx) or a landline with its area code.</summary>
    public static bool IsPhone(string? phone) => phone is not null && Phone().IsMatch(phone.Replace(" ", ""));

    /// <summary>One mailbox, name@domain.tld, with nothing a mail header could be split by: the mails to the applicant go there.</summary>
    public static bool IsEmail(string email) => email.Length <= 254 && Email().IsMatch(email);

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex Email();
}
