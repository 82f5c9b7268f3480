using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Foundation;

/// <summary>
/// Every operation of the app's OpenAPI document, sent a fixed set of hostile bodies and parameters by an
/// administrator of the mission whose records the path names (every role check passes, so each request reaches the
/// code that reads it): invalid JSON, the wrong kind of value where an object belongs, every field of the wrong
/// type, huge numbers, deep nesting, NUL and control characters, 100,000-character strings, invalid UTF-8, another
/// mission's ids, markup and spreadsheet formulas. None may answer 5xx. Then every page, feed and export that shows
/// what was written is read for markup that runs and cells that compute.
/// </summary>
public abstract class FuzzTests(string provider) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(provider, ("Email:RunWorker", "false"), ("News:RunScheduler", "false"));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private const string Script = "<script>alert(1)</script>";
    private const string Image = "\"><img src=x onerror=alert(1)>";
    private const string Formula = "=HYPERLINK(\"https://evil.example\",\"x\")";
    private static readonly string Long = new('あ', 100_000);
    private const string Controls = "a\u0000b\u0001c\u0008d\u000Be\uFFFEf\u001Fg";

    // What goes in a field of each kind, and what breaks it.
    private static IEnumerable<(string Name, Func<JsonObject?, JsonNode?> Value)> FieldCases(Guid foreignId) =>
    [
        ("wrong type", s => Type(s) switch { "string" => 12345, "integer" or "number" => "many", "boolean" => "yes", "array" => new JsonObject(), _ => "text" }),
        ("huge", s => Type(s) switch { "integer" or "number" => JsonNode.Parse("99999999999999999999999999999"), "string" => Long, "array" => new JsonArray([.. Enumerable.Range(0, 20_000).Select(_ => (JsonNode)"x")]), _ => Long }),
        ("negative", s => Type(s) is "integer" or "number" ? -2147483649 : (JsonNode)"-1"),
        ("controls", s => Type(s) == "array" ? new JsonArray(Controls) : Controls),
        ("markup", s => Type(s) == "array" ? new JsonArray(Script, Image) : Script + Image),
        ("formula", s => Type(s) == "array" ? new JsonArray(Formula) : Formula),
        ("another mission's id", s => Type(s) == "array" ? new JsonArray(foreignId.ToString()) : foreignId.ToString()),
        ("null", _ => null),
    ];

    private static readonly (string Name, string Json)[] WholeBodies =
    [
        ("invalid JSON", "{\"a\":"), ("an array", "[]"), ("a string", "\"text\""), ("a number", "42"), ("null", "null"), ("true", "true"), ("empty", ""),
        ("5,000-deep arrays", new string('[', 5000) + new string(']', 5000)),
        ("5,000-deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000)),
        ("half a surrogate pair", "{\"title\":\"\\ud800\",\"name\":\"\\udfff\"}"),
    ];

    private static readonly string[] PathWords = ["language", "size"];
    private static readonly string[] PressPages = ["/staff/news", "/staff/press", "/staff/press/review"];

    private static readonly string[] QueryValues = ["\u0000", "-1", "99999999999999999999", Script, "%", "'; DROP TABLE x;--", "not-a-date", new('x', 100_000)];

    private static string? Type(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not null and not "null"),
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private static JsonObject? Resolve(JsonObject document, JsonNode? schema)
    {
        for (var i = 0; i < 5 && schema?["$ref"] is JsonValue reference; i++)
        {
            schema = document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]];
        }
        return schema as JsonObject;
    }

    [Fact]
    public async Task No_hostile_body_or_parameter_makes_any_operation_fail_and_nothing_written_runs_or_computes_where_it_is_shown()
    {
        var sample = await SampleMission.BuildAsync(_app);
        var admin = await _app.ApiClientAsync(sample.Members[MissionRole.Admin]);
        var foreignId = await _app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Contacts).Where(c => c.MissionId == sample.StrangerMissionId).Select(c => c.Id)));
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var failures = new List<string>();
        var sent = 0;

        async Task SendAsync(string what, HttpMethod method, string url, HttpContent? content)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            var response = await admin.SendAsync(request);
            sent++;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{method} {url[..Math.Min(url.Length, 160)]} with {what}: {(int)response.StatusCode}");
            }
        }

        var operations = (from path in document["paths"]!.AsObject()
                          where path.Key.StartsWith("/api/", StringComparison.Ordinal)
                          from op in path.Value!.AsObject()
                          select (Path: path.Key, Method: op.Key.ToUpperInvariant(), Operation: op.Value!.AsObject())).ToList();
        Assert.True(operations.Count > 70, $"expected the whole API, found {operations.Count} operations");

        // Writes that destroy (a deletion, an erasure, a withdrawal) last, so the rest still find their records.
        foreach (var (path, method, operation) in operations.OrderBy(o => o.Method == "DELETE" || o.Path.EndsWith("/erase", StringComparison.Ordinal) || o.Path.EndsWith("/withdraw", StringComparison.Ordinal) ? 1 : 0))
        {
            // The route table's form of the path, so each {id} gets the record its place names.
            var pattern = System.Text.RegularExpressions.Regex.Replace(path, @"\{(id|guestId|photoId|articleId)\}", "{$1:guid}");
            var destroys = method == "DELETE" || path.EndsWith("/erase", StringComparison.Ordinal);
            var url = sample.Address(pattern, missing: destroys && pattern.Contains(":guid}", StringComparison.Ordinal));
            var verb = new HttpMethod(method);

            // Every query parameter, each hostile value.
            var queries = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).Where(p => p["in"]?.GetValue<string>() == "query").Select(p => p["name"]!.GetValue<string>()).ToList() ?? [];
            foreach (var name in queries)
            {
                foreach (var value in QueryValues)
                {
                    await SendAsync($"?{name}={value[..Math.Min(value.Length, 20)]}", verb, $"{url}?{name}={Uri.EscapeDataString(value)}", method is "POST" or "PUT" ? JsonContent.Create(new { }) : null);
                }
            }
            // Every path parameter that is not an id: hostile too.
            foreach (var name in PathWords.Where(n => path.Contains("{" + n + "}", StringComparison.Ordinal)))
            {
                // (Kestrel answers a NUL in a path 400 before any route; the test host cannot carry one.)
                foreach (var value in QueryValues.Where(v => v.Length < 1000 && v is not ("%" or "\u0000")))
                {
                    await SendAsync($"{{{name}}}={value}", verb, sample.Address(pattern.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal), destroys), method is "POST" or "PUT" ? JsonContent.Create(new { }) : null);
                }
            }

            if (operation["requestBody"]?["content"] is not JsonObject content)
            {
                continue;
            }
            if (content.ContainsKey("multipart/form-data"))
            {
                foreach (var (name, bytes, file) in new[] { ("an empty file", Array.Empty<byte>(), "x.jpg"), ("garbage", "\u0000\u0001garbage"u8.ToArray(), "x.pdf"), ("a path and a right-to-left override in its name", "a"u8.ToArray(), "../../etc/\u202Epasswd.csv"), ("a long name", "a"u8.ToArray(), Long[..2000] + ".csv") })
                {
                    await SendAsync(name, verb, url, new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", file }, { new StringContent(Controls + Script), "alt" } });
                }
                await SendAsync("JSON where a form belongs", verb, url, JsonContent.Create(new { }));
                continue;
            }
            foreach (var (name, json) in WholeBodies)
            {
                await SendAsync(name, verb, url, new StringContent(json, Encoding.UTF8, "application/json"));
            }
            await SendAsync("invalid UTF-8", verb, url, new ByteArrayContent([.. "{\"title\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]) { Headers = { ContentType = new("application/json") } });
            await SendAsync("a charset no one knows", verb, url, new StringContent("{}", Encoding.UTF8) { Headers = { ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=klingon") } });

            var schema = Resolve(document, content["application/json"]?["schema"]);
            var properties = schema?["properties"]?.AsObject().Select(p => (p.Key, Schema: Resolve(document, p.Value))).ToList() ?? [];
            foreach (var (caseName, value) in FieldCases(foreignId))
            {
                // Every field at once, then each alone (one bad field must not hide behind another's refusal).
                var all = new JsonObject();
                foreach (var (key, field) in properties)
                {
                    all[key] = value(field);
                }
                await SendAsync($"every field {caseName}", verb, url, new StringContent(all.ToJsonString(), Encoding.UTF8, "application/json"));
                foreach (var (key, field) in properties)
                {
                    var one = new JsonObject { [key] = value(field) };
                    await SendAsync($"{key} {caseName}", verb, url, new StringContent(one.ToJsonString(), Encoding.UTF8, "application/json"));
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests failed the server:\n" + string.Join("\n", failures.Distinct().Take(60)));
        await NothingWrittenRunsOrComputesAsync(sample);
    }

    // What the office and guests type, with markup and formulas in every field that takes words, read back on every
    // page, feed and export that shows it.
    private async Task NothingWrittenRunsOrComputesAsync(SampleMission sample)
    {
        var office = await _app.ApiClientAsync(sample.Members[MissionRole.Protocol]);
        var admin = await _app.ApiClientAsync(sample.Members[MissionRole.Admin]);
        var hostile = Script + Image;
        var contact = await office.PostAsJsonAsync("/api/contacts", new
        {
            honorific = Formula,
            firstName = hostile,
            lastName = Formula + hostile,
            position = hostile,
            email = "x@example.org",
            phone = Formula,
            tags = new[] { hostile, Formula },
            category = hostile,
            organization = new { name = Formula + hostile, type = "Embassy", country = hostile },
            notes = hostile,
        });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        var contactId = (await contact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await office.PostAsJsonAsync($"/api/events/{sample.EventId}/guests", new { contactIds = new[] { contactId } })).EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync($"/api/events/{sample.EventId}/walkins", new { firstName = hostile, lastName = Formula, organization = Formula + hostile, station = hostile })).EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync($"/api/events/{sample.EventId}/programme", new { title = hostile, place = Formula, speaker = hostile })).EnsureSuccessStatusCode();
        var news = await admin.PostAsJsonAsync("/api/news", new { title = Formula + hostile, body = hostile + "\n\n[x](javascript:alert(1))", language = "en", publish = true, reason = hostile, missionId = sample.MissionId });
        news.EnsureSuccessStatusCode();
        var slug = (await news.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString();
        (await admin.PostAsJsonAsync("/api/press", new { outlet = Formula + hostile, title = hostile, summary = hostile, country = Formula, tags = new[] { hostile }, missionId = sample.MissionId })).EnsureSuccessStatusCode();

        var pages = new List<(string Url, HttpClient Client)>();
        // The mission's own officers (its administrator may have made other missions in the fuzz, and be in one of them).
        using var staff = await StaffSession.SignInAsync(_app, sample.Members[MissionRole.Protocol]);
        using var press = await StaffSession.SignInAsync(_app, sample.Members[MissionRole.Press]);
        foreach (var page in new[] { "/staff/contacts", $"/staff/contacts/{contactId}", "/staff/organizations", $"/staff/events/{sample.EventId}", $"/staff/events/{sample.EventId}/guests",
            $"/staff/events/{sample.EventId}/door", $"/staff/events/{sample.EventId}/arrivals", $"/staff/events/{sample.EventId}/report", $"/staff/events/{sample.EventId}/programme",
            $"/staff/events/{sample.EventId}/order", $"/staff/events/{sample.EventId}/print/door-list", $"/staff/events/{sample.EventId}/print/place-cards", $"/staff/events/{sample.EventId}/print/programme",
            $"/staff/events/{sample.EventId}/print/envelope-labels" })
        {
            pages.Add((page, staff.Client));
        }
        pages.AddRange(PressPages.Select(p => (p, press.Client)));
        var anonymous = _app.CreateClient();
        foreach (var page in new[] { $"/m/{sample.Slug}/news", $"/m/{sample.Slug}/news/{slug}", $"/m/{sample.Slug}", $"/rsvp/{sample.RsvpToken}" })
        {
            pages.Add((page, anonymous));
        }
        foreach (var (url, client) in pages)
        {
            var page = await client.GetAsync(url);
            Assert.True(page.IsSuccessStatusCode, $"{url} answered {(int)page.StatusCode}");
            var html = await page.Content.ReadAsStringAsync();
            foreach (var raw in new[] { "<script>alert", "<img src=x onerror", "href=\"javascript:" })
            {
                Assert.False(html.Contains(raw, StringComparison.OrdinalIgnoreCase), $"{url} shows {raw} as markup");
            }
        }
        foreach (var feed in new[] { $"/m/{sample.Slug}/news/feed.atom", $"/m/{sample.Slug}/news/feed.json" })
        {
            var text = await anonymous.GetStringAsync(feed);
            Assert.DoesNotContain("<script>alert", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
        }

        // Spreadsheets: no cell a spreadsheet would compute.
        foreach (var csv in new[] { "/api/contacts/export.csv", $"/api/events/{sample.EventId}/guests.csv" })
        {
            var cells = (await admin.GetStringAsync(csv)).Split('\n').SelectMany(l => l.Split(',')).Select(c => c.Trim().Trim('"'));
            Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@".Contains(c[0], StringComparison.Ordinal) && c != "-");
        }
        foreach (var xlsx in new[] { "/api/contacts/export.xlsx", $"/api/events/{sample.EventId}/report.xlsx", "/api/press/export.xlsx" })
        {
            using var book = new MemoryStream(await admin.GetByteArrayAsync(xlsx));
            foreach (var sheet in MiniExcelLibs.MiniExcel.GetSheetNames(book))
            {
                book.Position = 0;
                var cells = MiniExcelLibs.MiniExcel.Query(book, sheetName: sheet).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).OfType<string>();
                Assert.DoesNotContain(cells, c => c.Length > 0 && "=+@".Contains(c[0], StringComparison.Ordinal));
            }
            book.Position = 0;
        }
    }
}

public sealed class FuzzTestsOnSqlite() : FuzzTests(DatabaseSetup.Sqlite);

public sealed class FuzzTestsOnPostgres() : FuzzTests(DatabaseSetup.Postgres);
