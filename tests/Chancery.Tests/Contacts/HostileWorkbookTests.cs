using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chancery.Domain.Contacts.Import;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Contacts;

/// <summary>
/// Workbooks built to exhaust the server: each is small on the wire and is refused, before the spreadsheet library
/// parses it, with a message that names the limit (WorkbookGuard). The workbooks are written by hand here, as an
/// attacker would; the first test shows such a hand-made workbook imports when it is honest.
/// </summary>
public sealed class HostileWorkbookTests(TestApp app) : IClassFixture<TestApp>
{
    private TestApp App { get; } = app.Ready();

    private static string Cell(string reference, string text) => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{text}</t></is></c>";

    private const string Header = "<row r=\"1\">" + "<c r=\"A1\" t=\"inlineStr\"><is><t>LastName</t></is></c>" + "</row>";

    /// <summary>A workbook of one sheet whose rows are <paramref name="rows"/>, plus any extra parts.</summary>
    private static byte[] Workbook(string rows, string? dimension = null, params (string Name, Action<Stream> Write)[] extra) =>
        Workbook(rows, dimension, "worksheets/sheet1.xml", extra);

    /// <summary>The same, with the sheet kept at <paramref name="sheetPath"/> (relative to xl/), where the workbook's relationships point.</summary>
    private static byte[] Workbook(string rows, string? dimension, string sheetPath, params (string Name, Action<Stream> Write)[] extra)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            Part("[Content_Types].xml", $$"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/{{sheetPath}}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Contacts" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", $$"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{{sheetPath}}"/></Relationships>""");
            Part("xl/" + sheetPath, $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{(dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>")}<sheetData>{rows}</sheetData></worksheet>""");
            foreach (var (name, write) in extra)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                write(stream);
            }
        }
        return buffer.ToArray();
    }

    private async Task<HttpResponseMessage> ImportAsync(byte[] workbook)
    {
        var mission = await App.CreateMissionAsync("Hostile workbooks " + Guid.NewGuid());
        var api = await App.ApiClientAsync(await App.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "list.xlsx" } };
        return await api.PostAsync($"/api/contacts/import?missionId={mission.Id}&dryRun=true", form);
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task An_honest_workbook_written_by_hand_is_read()
    {
        var response = await ImportAsync(Workbook(Header + "<row r=\"2\">" + Cell("A2", "Virtanen") + "</row><row r=\"3\">" + Cell("A3", "Okonkwo") + "</row>", "A1:A3"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task A_sheet_that_spans_16384_columns_is_refused_naming_the_column_limit()
    {
        var rows = Header + string.Concat(Enumerable.Range(2, 20).Select(r => $"<row r=\"{r}\">{Cell($"A{r}", "Name")}{Cell($"XFD{r}", "x")}</row>"));

        Assert.Contains("more than 64 columns", await RefusalAsync(await ImportAsync(Workbook(rows, "A1:XFD21"))));
        // Without the dimension the sheet declares, its cells still say how wide it is.
        Assert.Contains("more than 64 columns", await RefusalAsync(await ImportAsync(Workbook(rows))));
        // And a sheet kept somewhere else, or under a name that does not end in .xml, is counted all the same.
        Assert.Contains("more than 64 columns", await RefusalAsync(await ImportAsync(Workbook(rows, null, "hidden/data.xml"))));
        Assert.Contains("more than 64 columns", await RefusalAsync(await ImportAsync(Workbook(rows, "A1:XFD21", "worksheets/sheet1.bin"))));
    }

    [Fact]
    public async Task Cells_without_a_reference_still_count_as_columns()
    {
        var wide = "<row r=\"2\">" + string.Concat(Enumerable.Repeat("<c><v>1</v></c>", 65)) + "</row>";

        Assert.Contains("more than 64 columns", await RefusalAsync(await ImportAsync(Workbook(Header + wide))));
    }

    [Fact]
    public async Task A_gap_in_the_row_numbers_counts_as_the_rows_it_skips()
    {
        var gap = "<row r=\"2\">" + Cell("A2", "Virtanen") + "</row><row r=\"60000\"/>";

        Assert.Contains("blank rows count too", await RefusalAsync(await ImportAsync(Workbook(Header + gap))));
    }

    [Fact]
    public async Task A_long_shared_string_used_by_many_cells_is_charged_each_time()
    {
        var sharedStrings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>"
            + new string('x', 30_000) + "</t></si></sst>";
        var rows = Header + string.Concat(Enumerable.Range(2, 4_000).Select(r => $"<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>0</v></c></row>"));

        var refused = await RefusalAsync(await ImportAsync(Workbook(rows, null, ("xl/sharedStrings.xml", s => s.Write(Encoding.UTF8.GetBytes(sharedStrings))))));

        Assert.Contains("MB of text", refused);
    }

    [Fact]
    public async Task Blank_rows_count_toward_the_row_limit()
    {
        var blanks = string.Concat(Enumerable.Range(2, 50_001).Select(r => $"<row r=\"{r}\"/>"));

        Assert.Contains("blank rows count too", await RefusalAsync(await ImportAsync(Workbook(Header + blanks))));
    }

    [Fact]
    public async Task A_sheet_of_more_cells_than_a_contacts_list_needs_is_refused()
    {
        // 40,000 rows of 26 cells: under the row and column limits, over a million cells.
        var columns = Enumerable.Range(0, 26).Select(i => (char)('A' + i)).ToArray();
        var rows = new StringBuilder(Header);
        for (var r = 2; r <= 40_001; r++)
        {
            rows.Append("<row r=\"").Append(r).Append("\">");
            foreach (var column in columns)
            {
                rows.Append("<c r=\"").Append(column).Append(r).Append("\"><v>1</v></c>");
            }
            rows.Append("</row>");
        }

        Assert.Contains("more than 1,000,000 cells", await RefusalAsync(await ImportAsync(Workbook(rows.ToString()))));
    }

    [Fact]
    public async Task A_workbook_that_unpacks_to_more_than_100_MB_is_refused()
    {
        var bomb = Workbook(Header, extra: ("xl/media/image1.png", WriteZeros));
        static void WriteZeros(Stream s)
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 101; i++)
            {
                s.Write(zeros);
            }
        }
        Assert.True(bomb.Length < 1024 * 1024, "the bomb is small on the wire");

        Assert.Contains("unpacks to more than 100 MB", await RefusalAsync(await ImportAsync(bomb)));
    }

    [Fact]
    public void Reading_stops_when_the_request_is_cancelled()
    {
        var rows = Header + string.Concat(Enumerable.Range(2, 1_000).Select(r => $"<row r=\"{r}\">{Cell($"A{r}", "Name " + r)}</row>"));

        Assert.ThrowsAny<OperationCanceledException>(() => Sheet.Read(Workbook(rows), "list.xlsx", new ImportLimits(), new CancellationToken(canceled: true)));
    }
}
