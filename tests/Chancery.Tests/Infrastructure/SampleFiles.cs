namespace Chancery.Tests.Infrastructure;

/// <summary>The fixture lists kept in tests/fixtures and files the tests make.</summary>
public static class SampleFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string FixturePath(string name) => Path.Combine(RepositoryRoot, "tests", "fixtures", name);

    public static byte[] Fixture(string name) => File.ReadAllBytes(FixturePath(name));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Chancery.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Chancery.slnx not found above the test folder.");
    }

    public const string Header = "Organization,OrganizationType,Country,Honorific,FirstName,LastName,Position,DiplomaticRank,HeadOfMissionClass,CredentialsPresented,Email,Phone,Language,Category,Tags";

    /// <summary>A CSV of <paramref name="count"/> distinct people across many embassies and scripts.</summary>
    public static byte[] Generated(int count)
    {
        string[] first = ["Aino", "José", "ნინო", "رنا", "민준", "伟", "Olga", "Kwame", "Priya", "Ahmet"];
        string[] last = ["Virtanen", "Quispe Mamani", "ბერიძე", "الخطيب", "김", "王", "Ivanova", "Mensah", "Sharma", "Yılmaz"];
        var lines = new List<string>(count + 1) { Header };
        for (var i = 0; i < count; i++)
        {
            var embassy = $"Embassy of Country {i % 180}";
            var hoc = i % 40 == 0 ? "Ambassador" : "";
            lines.Add($"\"{embassy}\",Embassy,Country {i % 180},{(hoc == "" ? "Mr." : "H.E.")},{first[i % 10]},{last[i % 10]} {i},\"Counsellor, political\",Counsellor,{hoc},{(hoc == "" ? "" : "2020-01-15T10:30")},person{i}@example.org,+1 555 {i:0000},en,Diplomatic corps,corps;list-{i % 7}");
        }
        return System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines));
    }
}
