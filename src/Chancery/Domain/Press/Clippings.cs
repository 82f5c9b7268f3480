using System.Text;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.News;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Press;

/// <summary>
/// An article's clipping: a picture of it (a scan, a screenshot) or its PDF. Judged by content, never by name: a
/// picture goes through the news photos' checks and is kept as the same three JPEG sizes without EXIF; a PDF must
/// start as a PDF and end as one, weigh at most <see cref="MaxPdfBytes"/>, and name no scripts, launch actions or
/// attached files in its readable parts — a best effort: what is hidden in a compressed object stream or spelled with
/// #-escapes is not seen, which is why a PDF is only ever handed back as a download, never shown in Chancery's pages. A new clipping replaces the old; nothing is written when one is refused.
/// </summary>
public sealed class Clippings(ChanceryDb db, IPhotoStore store, TimeProvider clock, ILogger<Clippings> logger)
{
    public const long MaxPdfBytes = 20 * 1024 * 1024;
    private const string Pdf = "clipping.pdf";

    /// <summary>Refused before a byte is read when the form says the file is larger than any clipping may be.</summary>
    public static void CheckSize(long length)
    {
        if (length > MaxPdfBytes)
        {
            throw new DomainException($"A clipping is at most {MaxPdfBytes / (1024 * 1024)} MB (a picture {NewsPhotos.MaxBytes / (1024 * 1024)} MB).", "File", DomainErrorKind.TooLarge);
        }
    }

    public async Task SaveAsync(PressArticle article, Stream upload, CancellationToken ct = default)
    {
        using var content = await NewsPhotos.ReadBoundedAsync(upload, ct, MaxPdfBytes);
        var bytes = content.ToArray();
        var old = article.ClippingVersion;
        var version = Guid.CreateVersion7();
        try
        {
            if (IsPdf(bytes))
            {
                CheckPdf(bytes);
                (int Width, int Height)? size = null;
                if (ClippingPdf.ScannedPage(bytes) is { } picture)
                {
                    try
                    {
                        size = await WritePictureAsync(article, version, new MemoryStream(picture), ct);
                    }
                    catch (DomainException e) when (e.Kind != DomainErrorKind.Conflict)
                    {
                        // A picture in it that the photo checks refuse (damaged, too many pixels): the PDF alone is kept.
                    }
                }
                await store.WriteAsync(PressArticle.ClippingKey(article.MissionId, article.Id, version, Pdf), bytes, ct);
                (article.Clipping, article.ClippingWidth, article.ClippingHeight) = (ClippingKind.Pdf, size?.Width, size?.Height);
            }
            else
            {
                if (bytes.Length > NewsPhotos.MaxBytes)
                {
                    throw new DomainException($"A picture of a clipping is at most {NewsPhotos.MaxBytes / (1024 * 1024)} MB.", "File", DomainErrorKind.TooLarge);
                }
                var (width, height) = await WritePictureAsync(article, version, content, ct);
                (article.Clipping, article.ClippingWidth, article.ClippingHeight) = (ClippingKind.Image, width, height);
            }
            article.ClippingVersion = version;
            article.UpdatedAt = clock.GetUtcNow();
            // Not cancelled once the files are written: a commit that went through must not have its files removed below.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // Nothing of a refused or lost upload stays behind; the row still names the files it had.
            await DeleteFilesAsync(article.MissionId, article.Id, version);
            if (e is DbUpdateConcurrencyException)
            {
                throw new DomainException("Another clipping was uploaded for this article at the same moment; reload the page to see which is kept.", "File", DomainErrorKind.Conflict);
            }
            throw;
        }
        await DeleteFilesAsync(article.MissionId, article.Id, old);
    }

    private async Task<(int Width, int Height)> WritePictureAsync(PressArticle article, Guid version, MemoryStream content, CancellationToken ct)
    {
        var (versions, width, height) = await NewsPhotos.MakeVersionsAsync(content, ct);
        foreach (var (size, jpeg) in versions)
        {
            await store.WriteAsync(PressArticle.ClippingKey(article.MissionId, article.Id, version, size + ".jpg"), jpeg, ct);
        }
        return (width, height);
    }

    /// <summary>The clipping's file: <c>pdf</c>, or a picture's (its own, or the one found in its PDF) <c>large</c>, <c>medium</c> or <c>thumb</c>.</summary>
    public Stream? Open(PressArticle article, string size) => (article.Clipping, size) switch
    {
        (ClippingKind.Pdf, "pdf") => store.Open(article.ClippingKey(Pdf)),
        (_, _) when article.HasPicture && NewsPhotos.Sizes.Any(s => s.Name == size) => store.Open(article.ClippingKey(size + ".jpg")),
        _ => null,
    };

    /// <summary>Every file an upload of the article's clipping may have written.</summary>
    public Task DeleteFilesAsync(Guid missionId, Guid articleId, Guid? version) =>
        store.DeleteQuietlyAsync(NewsPhotos.Sizes.Select(s => s.Name + ".jpg").Append(Pdf).Select(name => PressArticle.ClippingKey(missionId, articleId, version, name)), logger);

    // What a clipping may not carry: scripts, actions run on opening or on events, programs to launch, attached files.
    private static readonly HashSet<string> Refused = ["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "AA"];

    // Every name token of the file read as PDF reads it (ISO 32000-1 7.3.5: "#4A" is "J", so /S/#4A#61vaScript is
    // /JavaScript), whole (ended by a delimiter), so three bytes of a compressed picture that happen to spell "/JS"
    // inside a longer run do not refuse a scanned clipping.
    private static bool CarriesRefusedName(ReadOnlySpan<byte> bytes)
    {
        var name = new StringBuilder();
        for (var at = bytes.IndexOf((byte)'/'); at >= 0; at = bytes.IndexOf((byte)'/'))
        {
            bytes = bytes[(at + 1)..];
            name.Clear();
            var i = 0;
            for (; i < bytes.Length && !IsDelimiter(bytes[i]) && name.Length <= 20; i++)
            {
                if (bytes[i] == (byte)'#' && i + 2 < bytes.Length && Uri.IsHexDigit((char)bytes[i + 1]) && Uri.IsHexDigit((char)bytes[i + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(bytes.Slice(i + 1, 2)), 16));
                    i += 2;
                }
                else
                {
                    name.Append((char)bytes[i]);
                }
            }
            if (Refused.Contains(name.ToString()))
            {
                return true;
            }
            bytes = bytes[i..];
        }
        return false;
    }

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0
        or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsPdf(byte[] bytes) => bytes.AsSpan().StartsWith("%PDF-"u8);

    private static void CheckPdf(byte[] bytes)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 2048));
        if (tail.IndexOf("%%EOF"u8) < 0)
        {
            throw new DomainException("This PDF is cut short or damaged; save it again and upload it.", "File");
        }
        if (CarriesRefusedName(bytes))
        {
            throw new DomainException("This PDF carries scripts, actions or attached files; print it to a plain PDF (or take a picture of the clipping) and upload that.", "File");
        }
    }
}
