using System.Text;
using System.Text.RegularExpressions;

namespace Chancery.Domain.Press;

/// <summary>
/// The picture of a scanned PDF clipping: the largest JPEG in it — what a scanner or a paper's "print edition" PDF
/// holds for each page — to show and print the clipping by. Found by reading the file's bytes, never by parsing or
/// rendering the PDF: a picture in a PDF is always a stream object of its own (PDF 1.7, 7.5.7: streams are never
/// packed in object streams), its dictionary in plain text, and a JPEG is stored as it is (DCTDecode), so nothing is
/// decompressed and nothing in the file is run — a crafted PDF can cost at most one pass over its bytes. The
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
        while (from < bytes.Length && bytes[from..].IndexOf("stream"u8) is var at and >= 0)
        {
            var keyword = from + at;
            from = keyword + 6;
            // "stream" followed by CRLF or LF, then the JPEG's own start (SOI and a marker).
            var data = keyword + 6 + (bytes[(keyword + 6)..].StartsWith("\r\n"u8) ? 2 : bytes[(keyword + 6)..].StartsWith("\n"u8) ? 1 : -100);
            if (data < keyword || !bytes[data..].StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || (keyword >= 3 && bytes[(keyword - 3)..keyword].SequenceEqual("end"u8)))
            {
                continue;
            }
            var dictionary = Encoding.Latin1.GetString(bytes[Math.Max(0, keyword - DictionaryReach)..keyword]);
            dictionary = dictionary[(dictionary.LastIndexOf("<<", StringComparison.Ordinal) is var open and >= 0 ? open : 0)..];
            if (!dictionary.Contains("/DCTDecode", StringComparison.Ordinal) || !Image().IsMatch(dictionary)
                || Number(WidthKey(), dictionary) is not { } width || Number(HeightKey(), dictionary) is not { } height || Math.Min(width, height) < MinSide)
            {
                continue;
            }
            var end = bytes[data..].IndexOf("endstream"u8);
            if (end < 0)
            {
                continue;
            }
            var length = Number(LengthKey(), dictionary) is { } stated && stated > 0 && stated <= end ? stated : end;
            if (best is null || (long)width * height > best.Value.Pixels)
            {
                best = (data, length, (long)width * height);
            }
            from = data + end;
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
