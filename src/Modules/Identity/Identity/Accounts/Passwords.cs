using System.Security.Cryptography;
using System.Text;
using BuildingBlocks.Problems;
using Microsoft.AspNetCore.Identity;

namespace Identity.Accounts;

/// <summary>
/// Password hashing. A default password (last six characters of the ID number) is stored as a keyed HMAC-SHA256
/// (<c>hmac:</c> prefix): importing 20,000 students costs 20,000 microsecond hashes, not 20,000 slow ones, and
/// nothing is stored in plain text. A password the user chooses is hashed with ASP.NET Core's PasswordHasher (PBKDF2).
/// </summary>
public sealed class Passwords(IdentityOptions options)
{
    private const string DefaultPrefix = "hmac:";
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object User = new();

    /// <summary>The default password: the last six characters of the ID number, X upper-case.</summary>
    public static string DefaultFor(string idNumber)
    {
        var id = idNumber.Trim().ToUpperInvariant();
        return id.Length <= 6 ? id : id[^6..];
    }

    public string HashDefault(string idNumber) => DefaultPrefix + Hmac(DefaultFor(idNumber));

    public static string HashChosen(string password) => Hasher.HashPassword(User, password);

    public bool Verify(string hash, string password)
    {
        if (hash.StartsWith(DefaultPrefix, StringComparison.Ordinal))
        {
            // A default is digits and X: a student who types a lower-case x is still right.
            var expected = Convert.FromBase64String(hash[DefaultPrefix.Length..]);
            return CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(Hmac(password.Trim().ToUpperInvariant())));
        }
        return Hasher.VerifyHashedPassword(User, hash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>
    /// The rules for a chosen password: at least 8 characters, not the default, not the student number.
    /// Throws a 400 problem with <c>errors.newPassword</c>.
    /// </summary>
    public void EnsureAcceptable(Account account, string newPassword, string field = "newPassword")
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(newPassword) || newPassword.Length < 8) errors.Add("新密码至少需要 8 个字符。");
        if (account.DefaultPasswordHash is not null && !string.IsNullOrEmpty(newPassword) && Verify(account.DefaultPasswordHash, newPassword))
            errors.Add("新密码不能与初始密码（身份证后六位）相同。");
        if (string.Equals(newPassword, account.UserName, StringComparison.OrdinalIgnoreCase)
            || (account.StudentNumber is not null && string.Equals(newPassword, account.StudentNumber, StringComparison.OrdinalIgnoreCase)))
            errors.Add("新密码不能与学号（用户名）相同。");
        if (errors.Count > 0)
            throw new ProblemException(400, ProblemCodes.Validation, string.Join(" ", errors), new Dictionary<string, string[]> { [field] = [.. errors] });
    }

    public static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private string Hmac(string value) => Convert.ToBase64String(HMACSHA256.HashData(options.DefaultPasswordKey, Encoding.UTF8.GetBytes(value)));

    /// <summary>Reset codes are stored as a keyed hash too; the code itself only travels in the contract message.</summary>
    public string HashCode(string userName, string code) => Hmac($"reset:{userName}:{code}");

    public bool VerifyCode(string hash, string userName, string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(HashCode(userName, code)));
}
