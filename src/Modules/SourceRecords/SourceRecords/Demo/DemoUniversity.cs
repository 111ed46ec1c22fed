using System.Globalization;
using SourceRecords.Fields;
using SourceRecords.Reference;

namespace SourceRecords.Demo;

/// <summary>
/// A realistic, deterministic demo university: colleges, majors, classes and students with valid ID numbers
/// (check character, birth date, gender digit) from real county-level regions. Same seed, same university.
/// </summary>
public static class DemoUniversity
{
    public sealed record Major(string Code, string Name, string Abbreviation);

    public sealed record DemoCollege(string Code, string Name, IReadOnlyList<Major> Majors);

    public static readonly IReadOnlyList<DemoCollege> Colleges =
    [
        new("101", "计算机科学与工程学院", [new("080901", "计算机科学与技术", "计科"), new("080902", "软件工程", "软工"), new("080910T", "数据科学与大数据技术", "数据")]),
        new("102", "土木工程学院", [new("081001", "土木工程", "土木"), new("081003", "给排水科学与工程", "给排")]),
        new("103", "数学与计算科学学院", [new("070101", "数学与应用数学", "数学"), new("071201", "统计学", "统计")]),
        new("104", "外国语学院", [new("050201", "英语", "英语"), new("050207", "日语", "日语")]),
        new("105", "商学院", [new("120203K", "会计学", "会计"), new("120201K", "工商管理", "工管")]),
        new("106", "机电工程学院", [new("080202", "机械设计制造及其自动化", "机械"), new("080601", "电气工程及其自动化", "电气")]),
    ];

    public const string Cohort = "2026";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "谢", "唐", "邓", "彭", "曾", "欧阳"];
    private static readonly string[] GivenMale = ["伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "浩", "宇", "鹏", "俊", "凯", "子轩", "浩然", "博文", "志强", "建华"];
    private static readonly string[] GivenFemale = ["芳", "娜", "敏", "静", "丽", "艳", "婷", "雪", "琳", "颖", "欣怡", "诗涵", "梓萱", "雨桐", "佳怡", "思琪", "晓燕", "慧敏", "文静", "美玲"];

    /// <summary>The students, as field values keyed by the catalogue's JSON names.</summary>
    public static List<Dictionary<string, string?>> Students(int perCollege = 60, int seed = 2026)
    {
        var random = new Random(seed);
        // Students come mostly from the school's own province (湖南) and some from everywhere else.
        var counties = Regions.CountyLevel().Select(r => r.Code).Where(c => c[..2] is not ("71" or "81" or "82")).Order(StringComparer.Ordinal).ToArray();
        var hunan = counties.Where(c => c.StartsWith("43", StringComparison.Ordinal)).ToArray();
        var students = new List<Dictionary<string, string?>>();
        foreach (var college in Colleges)
        {
            for (var i = 1; i <= perCollege; i++)
            {
                var major = college.Majors[(i - 1) % college.Majors.Count];
                var male = random.Next(100) < (college.Code is "104" ? 25 : 60);
                var region = random.Next(100) < 70 ? hunan[random.Next(hunan.Length)] : counties[random.Next(counties.Length)];
                var birth = new DateOnly(2003, 9, 1).AddDays(random.Next(0, 540));
                var order = random.Next(0, 500) * 2 + (male ? 1 : 0);
                var first17 = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + order.ToString("000", CultureInfo.InvariantCulture);
                var directed = random.Next(100) < 5;
                var studentNumber = $"2022{college.Code}{i:0000}";
                var ethnicity = random.Next(100) < 90 ? "01" : CodeTables.All[CodeTables.Ethnicity][random.Next(1, 56)].Code;
                students.Add(new Dictionary<string, string?>
                {
                    ["studentNumber"] = studentNumber,
                    ["name"] = Surnames[random.Next(Surnames.Length)] + (male ? GivenMale : GivenFemale)[random.Next(GivenMale.Length)],
                    ["gender"] = male ? "1" : "2",
                    ["idNumber"] = first17 + IdNumber.CheckCharacter(first17),
                    ["examineeNumber"] = "22" + region + random.Next(0, 1_000_000).ToString("000000", CultureInfo.InvariantCulture),
                    ["ethnicity"] = ethnicity,
                    ["politicalStatus"] = random.Next(100) switch { < 12 => "01", < 20 => "02", < 90 => "03", _ => "13" },
                    ["educationLevel"] = "31",
                    ["collegeCode"] = college.Code,
                    ["majorCode"] = major.Code,
                    ["majorName"] = major.Name,
                    ["className"] = $"{major.Abbreviation}22{(i - 1) / college.Majors.Count / 15 + 1:00}",
                    ["lengthOfSchooling"] = "4",
                    ["trainingMode"] = directed ? "2" : "1",
                    ["sponsorUnit"] = directed ? $"{Regions.Find(region[..4] + "00")?.Name ?? "湖南省"}教育局" : null,
                    ["sponsorUnitRegionCode"] = directed ? region : null,
                    ["enrollmentDate"] = "2022-09",
                    ["graduationDate"] = "2026-06",
                    ["originRegionCode"] = region,
                    ["urbanRural"] = random.Next(100) < 55 ? "城镇" : "农村",
                    ["hardshipCategory"] = random.Next(100) < 85 ? "0" : "2",
                    ["normalStudentCategory"] = "2",
                    ["householdAddress"] = Regions.FullName(region)?.Replace(" ", "", StringComparison.Ordinal),
                    // Some blanks are left for the students to fill in during verification.
                    ["homeAddress"] = random.Next(100) < 80 ? $"{Regions.FullName(region)?.Replace(" ", "", StringComparison.Ordinal)}{random.Next(1, 300)}号" : null,
                    ["mobile"] = random.Next(100) < 85 ? $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):000000000}" : null,
                    ["email"] = random.Next(100) < 60 ? $"{studentNumber}@stu.example.edu.cn" : null,
                });
            }
        }
        return students;
    }
}
