using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.Press;
using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Press;

/// <summary>
/// API.md "Press coverage", the archive: articles kept, found in any script, read from a link — against a real web
/// server on this machine serving an article, a slow page, a huge page, a redirect loop and a PDF.
/// </summary>
public abstract partial class PressArchiveTests(string provider) : IAsyncLifetime
{
    private TestApp _app = null!;
    private Mission _mission = null!;
    private HttpClient _press = null!;
    private string _pressEmail = "";
    private WebApplication _site = null!;
    private string _siteUrl = "";

    private const string ArticlePage = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
          <title>Fallback title</title>
          <meta property="og:title" content="L'ambassade commémore les victimes">
          <meta property="og:site_name" content="Le Quotidien">
          <meta property="og:description" content="Une exposition de photos et une minute de silence.">
          <meta property="og:image" content="/images/lead.jpg">
          <meta property="article:published_time" content="2024-02-26T07:30:00+08:00">
          <meta name="author" content="Claire Dubois">
          <script>document.title = 'ran'; fetch('/ran');</script>
        </head>
        <body><nav>Accueil · Monde</nav><article><h1>L'ambassade commémore</h1><p>Les diplomates accrédités ont assisté à la cérémonie.</p></article></body>
        </html>
        """;


    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(provider, ("Email:RunWorker", "false"), ("News:RunScheduler", "false"), ("Press:AllowPrivateAddresses", "true"), ("Press:FetchTimeoutSeconds", "2"));
        _mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        _pressEmail = await _app.CreateUserAsync(_mission.Id, MissionRole.Press);
        _press = await _app.ApiClientAsync(_pressEmail);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _site = builder.Build();
        _site.MapGet("/article", () => Results.Content(ArticlePage, "text/html; charset=utf-8"));
        // A Chinese paper in GBK that says so only in its <meta>.
        _site.MapGet("/gbk", () => Results.Bytes(Encoding.GetEncoding("GBK").GetBytes("<html lang=\"zh\"><head><meta charset=\"gbk\"><meta property=\"og:title\" content=\"使馆举行纪念活动\"></head><body></body></html>"), "text/html"));
        _site.MapGet("/slow", async (CancellationToken ct) => { await Task.Delay(TimeSpan.FromSeconds(20), ct); return Results.Content("<html></html>", "text/html"); });
        _site.MapGet("/huge", async (HttpResponse response, CancellationToken ct) =>
        {
            response.ContentType = "text/html";
            var chunk = Encoding.UTF8.GetBytes("<p>" + new string('x', 65_532) + "</p>");
            for (var i = 0; i < 200; i++) // 13 MB, sent without a length
            {
                await response.Body.WriteAsync(chunk, ct);
            }
        });
        _site.MapGet("/loop", () => Results.Redirect("/loop"));
        // Answers at once, then sends its page a byte at a time.
        _site.MapGet("/trickle", async (HttpResponse response, CancellationToken ct) =>
        {
            response.ContentType = "text/html";
            for (var i = 0; i < 40; i++)
            {
                await response.Body.WriteAsync("<"u8.ToArray(), ct);
                await response.Body.FlushAsync(ct);
                await Task.Delay(500, ct);
            }
        });
        _site.MapGet("/moved", () => Results.Redirect("/article"));
        _site.MapGet("/file.pdf", () => Results.Bytes(Encoding.ASCII.GetBytes("%PDF-1.7"), "application/pdf"));
        await _site.StartAsync();
        _siteUrl = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private async Task<(HttpStatusCode Status, string Body)> FromLinkAsync(string path)
    {
        var response = await _press.PostAsJsonAsync("/api/press/from-link", new { url = _siteUrl + path });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pasted_link_fills_the_form_from_the_pages_metadata_and_runs_nothing()
    {
        var (status, body) = await FromLinkAsync("/moved"); // through a redirect
        Assert.Equal(HttpStatusCode.OK, status);
        var f = JsonDocument.Parse(body).RootElement;
        Assert.Equal("L'ambassade commémore les victimes", f.GetProperty("title").GetString());
        Assert.Equal("Le Quotidien", f.GetProperty("outlet").GetString());
        Assert.Equal("2024-02-26", f.GetProperty("publishedOn").GetString()); // the date the paper printed (07:30 in its zone), not UTC's day before
        Assert.Equal("fr", f.GetProperty("language").GetString());
        Assert.Equal("Claire Dubois", f.GetProperty("author").GetString());
        Assert.Equal($"{_siteUrl}/images/lead.jpg", f.GetProperty("imageUrl").GetString());
        Assert.EndsWith("/article", f.GetProperty("url").GetString(), StringComparison.Ordinal);
        var text = f.GetProperty("textCopy").GetString()!;
        Assert.Contains("Les diplomates accrédités ont assisté à la cérémonie.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fetch(", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Accueil", text, StringComparison.Ordinal); // the site's navigation is not the article

        // Saved as checked, with the copy of its text.
        var saved = await _press.PostAsJsonAsync("/api/press", new
        {
            outlet = f.GetProperty("outlet").GetString(),
            title = f.GetProperty("title").GetString(),
            translatedTitle = "The embassy commemorates the victims",
            language = "fr",
            country = "France",
            publishedOn = "2024-02-26",
            url = f.GetProperty("url").GetString(),
            textCopy = text,
            tags = (string[])["commemoration"],
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.True((await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hasTextCopy").GetBoolean());
    }

    [Fact]
    public async Task A_page_in_a_legacy_charset_is_read_in_it()
    {
        var (status, body) = await FromLinkAsync("/gbk");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("使馆举行纪念活动", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_slow_page_a_huge_page_a_redirect_loop_a_pdf_and_a_bad_address_are_refused_saying_why()
    {
        var started = DateTime.UtcNow;
        var slow = await FromLinkAsync("/slow");
        Assert.Equal(HttpStatusCode.BadRequest, slow.Status);
        Assert.Contains("did not answer within 2 seconds", slow.Body, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15));

        var trickle = await FromLinkAsync("/trickle");
        Assert.Equal(HttpStatusCode.BadRequest, trickle.Status);
        Assert.Contains("did not answer within 2 seconds", trickle.Body, StringComparison.Ordinal);

        var huge = await FromLinkAsync("/huge");
        Assert.Equal(HttpStatusCode.BadRequest, huge.Status);
        Assert.Contains("larger than 3 MB", huge.Body, StringComparison.Ordinal);

        var loop = await FromLinkAsync("/loop");
        Assert.Equal(HttpStatusCode.BadRequest, loop.Status);
        Assert.Contains("more than 5 times", loop.Body, StringComparison.Ordinal);

        var pdf = await FromLinkAsync("/file.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, pdf.Status);
        Assert.Contains("application/pdf, not a web page", pdf.Body, StringComparison.Ordinal);

        var bad = await _press.PostAsJsonAsync("/api/press/from-link", new { url = "file:///etc/passwd" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Outside_tests_a_private_or_loopback_address_is_never_fetched()
    {
        // The installation as it runs: private addresses refused (this class's app allows them for its local site).
        await using var strict = await TestApp.StartAsync(provider, ("Email:RunWorker", "false"), ("News:RunScheduler", "false"));
        var mission = await strict.CreateMissionAsync("Strict embassy");
        var press = await strict.ApiClientAsync(await strict.CreateUserAsync(mission.Id, MissionRole.Press));

        var response = await press.PostAsJsonAsync("/api/press/from-link", new { url = _siteUrl + "/article" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("private, local or special-purpose address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var address in new[] { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "198.18.0.1", "::1", "fe80::1", "fd00::1",
            "::ffff:127.0.0.1", "64:ff9b::a00:5", "2002:a00:1::1", "2001:0:4136:e378::1", "::10.0.0.1",
            // The rest of the IANA special-purpose registries: documentation, protocol assignments, relays, discard, reserved.
            "192.0.2.1", "198.51.100.7", "203.0.113.9", "192.0.0.9", "192.31.196.1", "192.52.193.1", "192.88.99.1", "192.175.48.1", "240.0.0.1",
            "224.0.0.1", "255.255.255.255", "2001:db8::1", "100::1", "100:0:0:1::1", "::", "64:ff9b:1::1", "64:ff9b::c000:201", "2001:2::1",
            "2001:20::1", "2620:4f:8000::1", "3fff::1", "5f00::1", "fec0::1", "ff02::1", "4000::1" })
        {
            Assert.False(LinkReader.IsPublic(IPAddress.Parse(address)), address);
        }
        // The server's own addresses, public ones too, and its own name: never read, whatever they resolve to.
        Assert.True(LinkReader.IsOwn(IPAddress.Parse("93.184.216.34"), [IPAddress.Parse("10.0.0.5"), IPAddress.Parse("93.184.216.34")]));
        Assert.True(LinkReader.IsOwn(IPAddress.Parse("::ffff:93.184.216.34"), [IPAddress.Parse("93.184.216.34")]));
        Assert.False(LinkReader.IsOwn(IPAddress.Parse("93.184.216.35"), [IPAddress.Parse("93.184.216.34")]));
        var own = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address).Where(a => !a.IsIPv6LinkLocal).Select(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{a}]" : a.ToString());
        foreach (var host in own.Append(System.Net.Dns.GetHostName()))
        {
            var mine = await press.PostAsJsonAsync("/api/press/from-link", new { url = $"http://{host}/" });
            Assert.Equal(HttpStatusCode.BadRequest, mine.StatusCode);
            Assert.Contains("this server's own", await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.True(LinkReader.IsPublic(IPAddress.Parse("93.184.216.34")));
        Assert.True(LinkReader.IsPublic(IPAddress.Parse("2606:2800:220:1::1")));
        Assert.True(LinkReader.IsPublic(IPAddress.Parse("64:ff9b::5db8:d822"))); // NAT64 to a public address
    }

    [Fact]
    public async Task Articles_are_found_in_any_script_and_filtered_and_kept_to_their_mission()
    {
        async Task<string> Add(object article)
        {
            var response = await _press.PostAsJsonAsync("/api/press", article);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        var chinese = await Add(new { outlet = "人民日报", country = "China", language = "zh", publishedOn = "2024-02-27", title = "阿塞拜疆大使馆举行纪念活动", tags = (string[])["commemoration"] });
        var arabic = await Add(new { outlet = "الأهرام", country = "Egypt", language = "ar", publishedOn = "2023-05-10", title = "السفارة تحتفل باليوم الوطني", tags = (string[])["national day"] });
        var french = await Add(new { outlet = "Le Quotidien", country = "France", language = "fr", publishedOn = "2024-03-01", title = "L'Ambassade célèbre", summary = "Une exposition à Pékin." });

        async Task<List<string>> Find(string query) =>
            [.. (await _press.GetFromJsonAsync<JsonElement[]>("/api/press?" + query))!.Select(a => a.GetProperty("id").GetString()!)];
        Assert.Equal([chinese], await Find("q=" + Uri.EscapeDataString("纪念")));
        Assert.Equal([arabic], await Find("q=" + Uri.EscapeDataString("اليوم الوطني")));
        Assert.Equal([french], await Find("q=" + Uri.EscapeDataString("EXPOSITION pekin"))); // case and accents folded
        Assert.Equal([french, chinese], await Find("from=2024-01-01")); // newest first
        Assert.Equal([arabic], await Find("tag=" + Uri.EscapeDataString("national day")));
        Assert.Equal([chinese], await Find("country=China&language=zh"));
        Assert.Equal(HttpStatusCode.BadRequest, (await _press.GetAsync("/api/press?from=yesterday")).StatusCode);

        // Counts per country and month, of what the filters find; the same set as a workbook.
        var stats = await _press.GetFromJsonAsync<JsonElement>("/api/press/stats?from=2024-01-01");
        Assert.Equal(2, stats.GetProperty("total").GetInt32());
        Assert.Equal(["China:1", "France:1"], stats.GetProperty("byCountry").EnumerateArray().Select(c => $"{c.GetProperty("key").GetString()}:{c.GetProperty("count").GetInt32()}"));
        Assert.Equal(["2024-02:1", "2024-03:1"], stats.GetProperty("byMonth").EnumerateArray().Select(c => $"{c.GetProperty("key").GetString()}:{c.GetProperty("count").GetInt32()}"));
        var workbook = await _press.GetByteArrayAsync("/api/press/export.xlsx?country=Egypt");
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("السفارة تحتفل باليوم الوطني", Assert.Single(sheet)["Title"]);

        var refused = await _press.PostAsJsonAsync("/api/press", new { outlet = "", title = "x", url = "javascript:alert(1)", publishedOn = "26/02/2024" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("outlet", out _) && errors.TryGetProperty("url", out _) && errors.TryGetProperty("publishedOn", out _));

        var other = await _app.CreateMissionAsync("Another embassy");
        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync(other.Id, MissionRole.Press));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/press/{chinese}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/press/{chinese}")).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement[]>("/api/press"))!);
        var door = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Door));
        Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync("/api/press")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync($"/api/press/{chinese}")).StatusCode);
        var protocol = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Protocol));
        Assert.Equal(HttpStatusCode.OK, (await protocol.PutAsJsonAsync($"/api/press/{french}", new { outlet = "Le Quotidien", title = "L'Ambassade célèbre (corrigé)" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await protocol.DeleteAsync($"/api/press/{french}")).StatusCode);
        // A PUT that leaves the topics out keeps them.
        var renamed = await (await protocol.PutAsJsonAsync($"/api/press/{chinese}", new { outlet = "人民日报", title = "纪念活动" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["commemoration"], renamed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    private async Task<string> ArticleAsync()
    {
        var response = await _press.PostAsJsonAsync("/api/press", new { outlet = "Le Quotidien", title = "L'Ambassade célèbre" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, byte[] content, string name)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return client.PostAsync($"/api/press/{id}/clipping", form);
    }

    private static byte[] Pdf(string body = "") => Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog {body} >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task A_clipping_is_a_picture_or_a_pdf_judged_by_its_content_and_a_disguised_one_is_refused_with_nothing_written()
    {
        var id = await ArticleAsync();
        var jpeg = TestClippings.Jpeg(1200, 2400);

        var picture = await UploadAsync(_press, id, jpeg, "scan.pdf"); // the name says PDF; the content is a picture
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        var clipping = (await picture.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clipping");
        Assert.Equal(("image", 800, 1600), (clipping.GetProperty("kind").GetString(), clipping.GetProperty("width").GetInt32(), clipping.GetProperty("height").GetInt32()));
        var thumb = await _press.GetByteArrayAsync(clipping.GetProperty("urls").GetProperty("thumb").GetString());
        Assert.Equal(400, SixLabors.ImageSharp.Image.Load(thumb).Height); // a tall clipping fits its square

        // A name that only begins like a script's ("/JSON…", or bytes of a compressed picture) is not one.
        var pdf = await UploadAsync(_press, id, Pdf("/JSONish 1"), "article.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var file = await _press.GetAsync($"/api/press/{id}/clipping/pdf");
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await _press.GetAsync($"/api/press/{id}/clipping/thumb")).StatusCode); // the picture went with it
        var filesBefore = Directory.GetFiles(_app.DataFolder, "*", SearchOption.AllDirectories).Length;

        foreach (var (content, name, says) in new (byte[], string, string)[]
        {
            (Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "clipping.pdf", "not a JPEG, PNG or WebP"),
            (Encoding.UTF8.GetBytes("MZ\u0090\u0000 an executable"), "clipping.jpg", "not a JPEG, PNG or WebP"),
            (Pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), "clipping.pdf", "carries scripts"),
            // Names as PDF reads them: #xx is the byte xx (ISO 32000-1 7.3.5).
            (Pdf("/OpenAction << /S/#4A#61vaScript /#4AS (app.alert(1)) >>"), "escaped.pdf", "carries scripts"),
            (Pdf("/OpenAction << /S /#4C#61unch /F (calc.exe) >>"), "launch.pdf", "carries scripts"),
            (Pdf("/Names << /#45mbeddedFiles 5 0 R >>"), "attached.pdf", "carries scripts"),
            (Pdf("/#41A << /O << /S /URI >> >>"), "actions.pdf", "carries scripts"),
            (Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj"), "cut.pdf", "cut short"),
        })
        {
            var refused = await UploadAsync(_press, id, content, name);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)refused.StatusCode} {text}");
            Assert.Contains(says, text, StringComparison.Ordinal);
        }
        Assert.Equal(filesBefore, Directory.GetFiles(_app.DataFolder, "*", SearchOption.AllDirectories).Length);
        Assert.Equal("pdf", (await _press.GetFromJsonAsync<JsonElement>($"/api/press/{id}")).GetProperty("clipping").GetProperty("kind").GetString()); // still the PDF

        var other = await _app.CreateMissionAsync("Another embassy");
        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync(other.Id, MissionRole.Press));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/press/{id}/clipping/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(stranger, id, Pdf(), "mine.pdf")).StatusCode);
    }
}

public abstract partial class PressArchiveTests
{
    [Fact]
    public async Task A_scanned_pdf_gives_its_picture_and_a_replaced_clipping_leaves_no_files_behind()
    {
        var id = await ArticleAsync();
        var jpeg = TestClippings.Jpeg(600, 900);
        string[] Files() => Directory.Exists(Path.Combine(_app.DataFolder, "photos", "press"))
            ? Directory.GetFiles(Path.Combine(_app.DataFolder, "photos", "press"), "*", SearchOption.AllDirectories) : [];

        // A scanner's dictionary may nest others (its decoding parameters) before the picture's size.
        var response = await UploadAsync(_press, id, TestClippings.Scanned(jpeg, 600, 900, "Les diplomates", "/DecodeParms << /ColorTransform 1 >> "), "scan.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var article = await response.Content.ReadFromJsonAsync<JsonElement>();
        var clipping = article.GetProperty("clipping");
        Assert.Equal(("pdf", 600, 900), (clipping.GetProperty("kind").GetString(), clipping.GetProperty("width").GetInt32(), clipping.GetProperty("height").GetInt32()));
        var thumb = await _press.GetAsync(clipping.GetProperty("urls").GetProperty("thumb").GetString());
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType!.MediaType); // the scan found in it, shown as a picture
        Assert.Equal("application/pdf", (await _press.GetAsync(clipping.GetProperty("urls").GetProperty("pdf").GetString())).Content.Headers.ContentType!.MediaType);
        var pdfFiles = Files();
        Assert.Equal(4, pdfFiles.Length); // the PDF and its picture's three sizes

        // Replaced by a picture: its own files, under their own key; none of the PDF's stay.
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(_press, id, jpeg, "photo.jpg")).StatusCode);
        var pictureFiles = Files();
        Assert.Equal(3, pictureFiles.Length);
        Assert.Empty(pictureFiles.Intersect(pdfFiles));
        Assert.Equal(HttpStatusCode.NotFound, (await _press.GetAsync($"/api/press/{id}/clipping/pdf")).StatusCode);

        // A PDF made of text alone, one whose only picture is a logo, and one made to make the search for pictures
        // slow (a hundred thousand picture starts, none ended) have no picture to show, and are kept at once.
        var hostile = System.Text.Encoding.Latin1.GetBytes("%PDF-1.4\n" + string.Concat(Enumerable.Repeat("1 0 obj << /Subtype /Image /Filter /DCTDecode /Width 900 /Height 900 >>\nstream\n\u00FF\u00D8\u00FF", 100_000)) + "\n%%EOF\n");
        foreach (var pdf in new[] { Pdf(), TestClippings.Scanned(TestClippings.Jpeg(120, 60), 120, 60, "logo"), hostile })
        {
            var plain = await (await UploadAsync(_press, id, pdf, "text.pdf")).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(JsonValueKind.Null, plain.GetProperty("clipping").GetProperty("width").ValueKind);
            Assert.Single(Files());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await _press.DeleteAsync($"/api/press/{id}")).StatusCode);
        Assert.Empty(Files());
        Assert.False(Directory.Exists(Path.Combine(_app.DataFolder, "photos", "press", _mission.Id.ToString("N"), id.Replace("-", "", StringComparison.Ordinal)))); // nor its folders
    }
}

public abstract partial class PressArchiveTests
{
    [Fact]
    public async Task Several_links_pasted_at_once_become_articles_each_once_and_a_page_that_cannot_be_read_says_why()
    {
        using var session = await StaffSession.SignInAsync(_app, _pressEmail);
        var links = string.Join("\n", $"{_siteUrl}/article", $"{_siteUrl}/moved", $"{_siteUrl}/file.pdf", "not a link", $"{_siteUrl}/article");
        var response = await session.SubmitAsync("/staff/press/links", "#links-form", new() { ["Links"] = links, ["Country"] = "France", ["Tags"] = "commemoration" });
        var page = await StaffSession.ReadAsync(response);
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(4, rows.Count); // the same link twice is one
        Assert.Equal(("L'ambassade commémore les victimes", "Added: check it."), (rows[0][1], rows[0][2]));
        Assert.StartsWith("Already in the archive", rows[1][2], StringComparison.Ordinal); // a redirect to the same article
        Assert.Contains("not a web page", rows[2][2], StringComparison.Ordinal);
        Assert.NotEmpty(rows[3][2]);
        Assert.Contains("1 of 4 links added", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        var saved = Assert.Single((await _press.GetFromJsonAsync<JsonElement[]>("/api/press"))!);
        Assert.Equal(("Le Quotidien", "France", "2024-02-26"), (saved.GetProperty("outlet").GetString(), saved.GetProperty("country").GetString(), saved.GetProperty("publishedOn").GetString()));
        Assert.Equal(["commemoration"], saved.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.True(saved.GetProperty("hasTextCopy").GetBoolean());

        var again = await StaffSession.ReadAsync(await session.SubmitAsync("/staff/press/links", "#links-form", new() { ["Links"] = $"{_siteUrl}/moved" }));
        Assert.StartsWith("Already in the archive", again.QuerySelector("tbody tr td:last-child")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Single((await _press.GetFromJsonAsync<JsonElement[]>("/api/press"))!);
    }
}

public sealed class PressArchiveTestsOnSqlite() : PressArchiveTests(DatabaseSetup.Sqlite);

public sealed class PressArchiveTestsOnPostgres() : PressArchiveTests(DatabaseSetup.Postgres);
