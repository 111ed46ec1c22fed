namespace SourceRecords.Reference;

/// <summary>One entry of a code table: the code the API speaks and the label a person reads.</summary>
public sealed record CodeEntry(string Code, string Label);

/// <summary>
/// The national code tables of the field catalogue (DOMAIN.md): GB/T 2261 gender, GB 3304 ethnicity,
/// GB/T 4762 political status, and the national employment system's tables. Regions are in <see cref="Regions"/>.
/// </summary>
public static class CodeTables
{
    public const string Gender = "gender";
    public const string Ethnicity = "ethnicity";
    public const string PoliticalStatus = "politicalStatus";
    public const string EducationLevel = "educationLevel";
    public const string TrainingMode = "trainingMode";
    public const string UrbanRural = "urbanRural";
    public const string HardshipCategory = "hardshipCategory";
    public const string NormalStudentCategory = "normalStudentCategory";

    private static CodeEntry[] Of(params string[] pairs) =>
        pairs.Select(p => p.Split(' ', 2)).Select(p => new CodeEntry(p[0], p[1])).ToArray();

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<CodeEntry>> All = new Dictionary<string, IReadOnlyList<CodeEntry>>
    {
        [Gender] = Of("1 男", "2 女"),
        // GB 3304-1991 names of the nationalities of China in romanization with codes: the 56 nationalities, 97 and 98.
        [Ethnicity] = Of(
            "01 汉族", "02 蒙古族", "03 回族", "04 藏族", "05 维吾尔族", "06 苗族", "07 彝族", "08 壮族", "09 布依族", "10 朝鲜族",
            "11 满族", "12 侗族", "13 瑶族", "14 白族", "15 土家族", "16 哈尼族", "17 哈萨克族", "18 傣族", "19 黎族", "20 傈僳族",
            "21 佤族", "22 畲族", "23 高山族", "24 拉祜族", "25 水族", "26 东乡族", "27 纳西族", "28 景颇族", "29 柯尔克孜族", "30 土族",
            "31 达斡尔族", "32 仫佬族", "33 羌族", "34 布朗族", "35 撒拉族", "36 毛南族", "37 仡佬族", "38 锡伯族", "39 阿昌族", "40 普米族",
            "41 塔吉克族", "42 怒族", "43 乌孜别克族", "44 俄罗斯族", "45 鄂温克族", "46 德昂族", "47 保安族", "48 裕固族", "49 京族", "50 塔塔尔族",
            "51 独龙族", "52 鄂伦春族", "53 赫哲族", "54 门巴族", "55 珞巴族", "56 基诺族", "97 其他", "98 外国血统中国籍人士"),
        // GB/T 4762-1984 political status.
        [PoliticalStatus] = Of(
            "01 中共党员", "02 中共预备党员", "03 共青团员", "04 民革党员", "05 民盟盟员", "06 民建会员", "07 民进会员",
            "08 农工党党员", "09 致公党党员", "10 九三学社社员", "11 台盟盟员", "12 无党派人士", "13 群众"),
        // The national employment system's education level codes (毕业, 结业, 肄业).
        [EducationLevel] = Of(
            "01 博士生毕业", "02 博士生结业", "03 博士生肄业", "11 硕士生毕业", "12 硕士生结业", "13 硕士生肄业",
            "31 本科生毕业", "32 本科生结业", "33 本科生肄业", "41 专科生毕业", "42 专科生结业", "43 专科生肄业"),
        [TrainingMode] = Of("1 非定向", "2 定向", "3 在职", "4 委培", "5 自筹"),
        [UrbanRural] = Of("城镇 城镇", "农村 农村"),
        [HardshipCategory] = Of(
            "0 非困难生", "1 就业困难", "2 家庭困难", "3 就业困难和家庭困难", "4 残疾", "5 就业困难和残疾", "6 家庭困难和残疾", "7 三者兼有"),
        [NormalStudentCategory] = Of("2 非师范生", "1 普通师范生", "12 公费(免费)师范生"),
    };

    /// <summary>The code for a code or a label (an imported sheet may give either); null when neither.</summary>
    public static string? Resolve(string table, string value)
    {
        var entries = All[table];
        foreach (var e in entries)
            if (e.Code == value) return e.Code;
        foreach (var e in entries)
            if (e.Label == value) return e.Code;
        // A spreadsheet turns "01" into the number 1: two-digit tables accept the lost leading zero.
        if (value.Length == 1 && char.IsAsciiDigit(value[0]) && entries.All(e => e.Code.Length == 2))
            return entries.FirstOrDefault(e => e.Code == "0" + value)?.Code;
        return null;
    }

    public static string? Label(string table, string? code) =>
        code is null ? null : All[table].FirstOrDefault(e => e.Code == code)?.Label;
}
