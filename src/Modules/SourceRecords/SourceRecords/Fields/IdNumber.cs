using System.Globalization;

namespace SourceRecords.Fields;

/// <summary>The 18-character resident ID number of GB 11643-1999.</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Null when valid, else why not (Chinese).</summary>
    public static string? Problem(string value, DateOnly today)
    {
        if (value.Length != 18) return "身份证号必须是 18 位";
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(value[i])) return "身份证号前 17 位必须是数字";
        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X') return "身份证号第 18 位必须是数字或大写 X";
        if (BirthDate(value) is not { } birth || birth.Year < 1900 || birth > today) return "身份证号中的出生日期无效";
        if (CheckCharacter(value) != value[17]) return "身份证号校验位不正确";
        return null;
    }

    public static DateOnly? BirthDate(string value) =>
        value.Length >= 14 && DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;

    /// <summary>GB/T 2261 gender from the 17th digit: odd "1" (男), even "2" (女).</summary>
    public static string? GenderCode(string value) =>
        value.Length >= 17 && char.IsAsciiDigit(value[16]) ? ((value[16] - '0') % 2 == 1 ? "1" : "2") : null;

    /// <summary>4301**********123X: the region prefix and the last four characters.</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) || value.Length < 8 ? "" : value[..4] + new string('*', value.Length - 8) + value[^4..];
}
