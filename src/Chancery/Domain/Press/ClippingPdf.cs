using UglyToad.PdfPig;

namespace Chancery.Domain.Press;

/// <summary>
/// What a PDF clipping gives beyond the file (PdfPig reads it; nothing in it is run or rendered): the picture of a
/// scanned page — the image that covers most of its first page, as a scanner or a newspaper's "print edition" PDF
/// makes it — to show and print the clipping by, and its text, kept with the article as a page's text is. A PDF
/// made from text (no scan) has no such picture: the exhibition shows its title card instead.
/// </summary>
public static partial class ClippingPdf
{
    public sealed record Contents(byte[]? Picture, string? Text);

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private const int MaxPages = 50;

    /// <summary>What can be read of it; nothing (rather than an error) from a PDF PdfPig cannot read, or cannot read in <see cref="Limit"/>.</summary>
    public static async Task<Contents> ReadAsync(byte[] pdf, ILogger logger, CancellationToken ct)
    {
        try
        {
            // PdfPig cannot be stopped part-way: a PDF that takes too long is left to finish in the background, unused.
            return await Task.Run(() => Read(pdf), ct).WaitAsync(Limit, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            NotRead(logger, e);
            return new Contents(null, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A PDF clipping could not be read for its picture and text; it is kept as uploaded.")]
    private static partial void NotRead(ILogger logger, Exception error);

    private static Contents Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        if (document.NumberOfPages == 0)
        {
            return new Contents(null, null);
        }
        var first = document.GetPage(1);
        var pageArea = Math.Max(1, first.Width * first.Height);
        var scan = first.GetImages()
            .Where(i => !i.IsImageMask && i.WidthInSamples >= 300 && i.HeightInSamples >= 300 && i.BoundingBox.Width * i.BoundingBox.Height >= pageArea / 2)
            .MaxBy(i => (long)i.WidthInSamples * i.HeightInSamples);
        byte[]? picture = null;
        if (scan is not null)
        {
            var raw = scan.RawMemory.Span;
            // A JPEG (DCTDecode) is the picture as it is; anything else PdfPig can turn into a PNG.
            picture = raw.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? raw.ToArray() : scan.TryGetPng(out var png) ? png : null;
        }
        var text = string.Join("\n\n", Enumerable.Range(1, Math.Min(document.NumberOfPages, MaxPages)).Select(n => document.GetPage(n).Text).Where(t => t.Length > 0));
        return new Contents(picture, text.Length > 0 ? text : null);
    }
}
