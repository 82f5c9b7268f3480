using System.Text;
using System.Text.RegularExpressions;

namespace Chancery.Domain.Press;

/// <summary>
/// The picture of a scanned PDF clipping: the largest JPEG in it — what a scanner or a paper's "print edition" PDF
/// holds for each page — to show and print the clipping by. Found by reading the file's bytes, never by parsing or
/// rendering the PDF: a picture in a PDF is always a stream object of its own (PDF 1.7, 7.5.7: streams are never
/// packed in object streams), its dictionary in plain text, and a JPEG is stored as it is (DCTDecode), so nothing is
/// decompressed and nothing in the file is run — a crafted PDF costs a few passes over its bytes at most. The
/// picture found then goes through the photo checks as an upload does. A PDF made of text (no scan), or whose
/// scans are compressed otherwise, has no picture: the exhibition shows its title card instead.
/// </summary>
public static partial class ClippingPdf
{
    /// <summary>Smaller than this on its short side, a picture is a logo or a photo in the page, not the page.</summary>
    public const int MinSide = 500;
    private const int DictionaryReach = 2048;

    public static byte[]? ScannedPage(byte[] pdf)
    {
        var bytes = pdf.AsSpan();
        (int Start, int Length, long Pixels)? best = null;
        var from = 0;
        // Each byte is looked at a bounded number of times: the search moves forward, a dictionary is read from no
        // further back than where the last stream ended, and the first stream with no end stops the scan.
        while (from < bytes.Length && bytes[from..].IndexOf("stream"u8) is var at and >= 0)
        {
            var keyword = from + at;
            var reach = from;
            from = keyword + 6;
            // "stream" followed by CRLF or LF, then the JPEG's own start (SOI and a marker); not "endstream".
            var eol = bytes[from..].StartsWith("\r\n"u8) ? 2 : bytes[from..].StartsWith("\n"u8) ? 1 : 0;
            var data = from + eol;
            if (eol == 0 || !bytes[data..].StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || (keyword >= 3 && bytes[(keyword - 3)..keyword].SequenceEqual("end"u8)))
            {
                continue;
            }
            var window = bytes[Math.Max(reach, keyword - DictionaryReach)..keyword];
            // The object's whole dictionary (nested ones, such as /DecodeParms << … >>, included): from its "obj".
            window = window[(window.LastIndexOf("obj"u8) is var obj and >= 0 ? obj : 0)..];
            var end = bytes[data..].IndexOf("endstream"u8);
            if (end < 0)
            {
                break;
            }
            from = data + end + 9;
            if (window.IndexOf("/DCTDecode"u8) < 0)
            {
                continue;
            }
            var dictionary = Encoding.Latin1.GetString(window);
            if (!Image().IsMatch(dictionary) || Number(WidthKey(), dictionary) is not { } width || Number(HeightKey(), dictionary) is not { } height || Math.Min(width, height) < MinSide)
            {
                continue;
            }
            var length = Number(LengthKey(), dictionary) is { } stated && stated > 0 && stated <= end ? stated : end;
            if (length <= News.NewsPhotos.MaxBytes && (best is null || (long)width * height > best.Value.Pixels))
            {
                best = (data, length, (long)width * height);
            }
        }
        return best is { } found ? bytes.Slice(found.Start, found.Length).ToArray() : null;
    }

    private static int? Number(Regex key, string dictionary) =>
        key.Match(dictionary) is { Success: true } m && int.TryParse(m.Groups[1].ValueSpan, out var n) ? n : null;

    [GeneratedRegex(@"/Subtype\s*/Image\b")]
    private static partial Regex Image();

    // A direct number, not "12 0 R" (an indirect one is not followed: the stream's end is found instead).
    [GeneratedRegex(@"/Width\s+(\d{1,6})(?!\s+\d+\s+R)\b")]
    private static partial Regex WidthKey();

    [GeneratedRegex(@"/Height\s+(\d{1,6})(?!\s+\d+\s+R)\b")]
    private static partial Regex HeightKey();

    [GeneratedRegex(@"/Length\s+(\d{1,9})(?!\s+\d+\s+R)\b")]
    private static partial Regex LengthKey();
}
