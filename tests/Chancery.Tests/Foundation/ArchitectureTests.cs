using System.Text.RegularExpressions;

namespace Chancery.Tests.Foundation;

/// <summary>
/// The house rules of docs/architecture.md that a reader of the source can check: pages and endpoints only translate
/// (every write goes through a service of <c>Domain/</c>, <c>Data/</c> or the outbox), and the domain knows nothing
/// of HTTP (its refusals are <c>DomainException</c>s; the one mapping to status codes is at the edge).
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Source = Path.Combine(Root(), "src", "Chancery");

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chancery.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository's root (Chancery.slnx) is not above the test's folder.");
    }

    private static IEnumerable<(string Path, string[] Lines)> Files(Func<string, bool> where, string pattern = "*.cs") =>
        Directory.EnumerateFiles(Source, pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Source, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal) && where(f))
            .Select(f => (f, File.ReadAllLines(Path.Combine(Source, f))));

    private static List<string> Offences(IEnumerable<(string Path, string[] Lines)> files, Regex pattern) =>
        [.. files.SelectMany(f => f.Lines.Select((line, i) => (f.Path, Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && !l.Text.StartsWith("///", StringComparison.Ordinal) && pattern.IsMatch(l.Text))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text}")];

    [GeneratedRegex(@"\b(SaveChanges(Async)?|ExecuteUpdate(Async)?|ExecuteDelete(Async)?)\s*\(")]
    private static partial Regex Writes();

    [GeneratedRegex(@"Microsoft\.AspNetCore\.(Http|Mvc)\b|\b(HttpContext|HttpRequest|HttpResponse|BadHttpRequestException|StatusCodes|TypedResults|IFormFile|IResult)\b")]
    private static partial Regex Http();

    [Fact]
    public void Only_the_domain_the_data_layer_and_the_outbox_write_to_the_database()
    {
        var offences = Offences(Files(f => !f.StartsWith("Domain/", StringComparison.Ordinal) && !f.StartsWith("Data/", StringComparison.Ordinal) && !f.StartsWith("Email/", StringComparison.Ordinal)), Writes());

        Assert.True(offences.Count == 0, "Pages and endpoints write through a Domain/ service, not the database themselves:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_domain_knows_nothing_of_http()
    {
        var offences = Offences(Files(f => f.StartsWith("Domain/", StringComparison.Ordinal)), Http());

        Assert.True(offences.Count == 0, "Domain/ refuses with DomainException (Infrastructure/ExceptionToProblem maps it to a status):\n" + string.Join("\n", offences));
    }

    [GeneratedRegex(@"\b(TypedResults|Results)\.(Forbid|NotFound|BadRequest|ValidationProblem|Conflict)\(")]
    private static partial Regex HandMadeRefusals();

    [Fact]
    public void The_api_refuses_one_way_through_the_domains_exceptions()
    {
        // Problem details from DomainException (Infrastructure/ExceptionToProblem): never a bare status or a hand-built shape.
        var offences = Offences(Files(f => f.StartsWith("Api/", StringComparison.Ordinal)), HandMadeRefusals());

        Assert.True(offences.Count == 0, "The API refuses by throwing DomainException (its kind gives the status):\n" + string.Join("\n", offences));
    }

    // A page's own ways of saying no that the convention replaced: a property of its own, a message carried over a
    // redirect, a JSON shape its script reads, a DomainException's words placed by hand, a catch of every kind.
    [GeneratedRegex(@"TempData\[""Problem""\]|TempData\[""Notice""\] = e\.|public string\? (Problem|Error|FileError) \{|new \{ message\b|BadRequest\(new \{|AddModelError\([^;]*\be\.(Message|Field|Errors|Said)\b|catch \((Domain\.)?DomainException( \w+)?\)$|catch \((Domain\.)?DomainException \w+\) when \(\w+\.Kind (==|is) (Domain\.)?DomainErrorKind\.(Invalid|Conflict|TooLarge)|Model\.(Problem|Error|FileError)\b")]
    private static partial Regex PageRefusals();

    [Fact]
    public void Pages_show_a_refusal_one_way()
    {
        // ModelState.AddDomainErrors beside the fields and in the summary; a 404 or access-denied page for the other kinds.
        static bool Page(string f) => f.StartsWith("Areas/", StringComparison.Ordinal) || f.StartsWith("Pages/", StringComparison.Ordinal);
        var offences = Offences(Files(Page).Concat(Files(Page, "*.cshtml")), PageRefusals());

        Assert.True(offences.Count == 0, "Pages show a DomainException with ModelState.AddDomainErrors (docs/architecture.md, 'One way to refuse'):\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_checks_see_what_they_are_meant_to_catch()
    {
        // A rule that matched nothing anywhere would pass for ever: each pattern finds its kind where it belongs.
        Assert.NotEmpty(Offences(Files(f => f.StartsWith("Domain/", StringComparison.Ordinal)), Writes()));
        Assert.NotEmpty(Offences(Files(f => f.StartsWith("Api/", StringComparison.Ordinal)), Http()));
        Assert.Matches(Writes(), "await db.SaveChangesAsync(ct);");
        Assert.Matches(Http(), "throw new BadHttpRequestException(\"x\", StatusCodes.Status503ServiceUnavailable);");
        Assert.Matches(HandMadeRefusals(), "return TypedResults.Forbid();");
        Assert.NotEmpty(Offences(Files(f => f.StartsWith("Pages/", StringComparison.Ordinal)), HandMadeRefusals()));
        foreach (var old in new[] { "TempData[\"Problem\"] = e.Said;", "public string? FileError { get; private set; }", "return BadRequest(new { message = \"x\" });",
            "ModelState.AddModelError(\"\", e.Message);", "catch (DomainException e)", "@if (Model.Problem is not null)", "TempData[\"Notice\"] = e.Message;", "catch (DomainException ex) when (ex.Kind == DomainErrorKind.Invalid)", "catch (DomainException problem)", "return BadRequest(new { e.Message, e.Errors });" })
        {
            Assert.Matches(PageRefusals(), old);
        }
    }
}
