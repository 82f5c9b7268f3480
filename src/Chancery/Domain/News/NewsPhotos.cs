using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Chancery.Domain.News;

/// <summary>What a photo says in the item's language: alt text (required), caption, credit.</summary>
public sealed record PhotoText(string? Alt, string? Caption, string? Credit);

/// <summary>A photo with its words in the language asked for (else the story's primary language, else any).</summary>
public sealed record ShownPhoto(NewsPhoto Photo, string Alt, string? Caption, string? Credit);

/// <summary>
/// A story's gallery. An upload is judged by its content, never its name: it must decode as JPEG, PNG or WebP,
/// weigh at most <see cref="MaxBytes"/> and measure at most <see cref="MaxPixels"/> (read from its header before
/// anything is decoded, so a small file claiming a huge picture is refused unopened). It is turned upright, and
/// what is kept are JPEGs in <see cref="Sizes"/> without EXIF, IPTC or XMP — the camera's location goes with them.
/// Nothing is written until every size is made; a refusal leaves nothing behind. A change to the gallery is a change
/// to every version of the story, as new words are (<see cref="Newsroom.StoryChangedAsync"/>): an approved version
/// goes back to draft and its approval is asked again; a public story's photos are changed by an administrator.
/// </summary>
public sealed class NewsPhotos(ChanceryDb db, IPhotoStore store, MissionScope scope, TimeProvider clock, NewsCache cache, Newsroom newsroom,
    ILogger<NewsPhotos> logger)
{
    public const long MaxBytes = 15 * 1024 * 1024;
    public const long MaxPixels = 40_000_000;
    public const int TextLength = 1000;
    /// <summary>Each size fits a square of that many pixels: a tall photo is as bounded as a wide one.</summary>
    public static readonly IReadOnlyList<(string Name, int Width)> Sizes = [("large", 1600), ("medium", 800), ("thumb", 400)];

    // Only the three formats: anything else (HTML, SVG, a script) has no decoder here to be mistaken for.
    private static readonly Configuration Formats = new(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule());
    // Decoding holds up to MaxPixels × 4 bytes: two at a time bounds what uploads can take of the server's memory.
    private static readonly SemaphoreSlim Decoding = new(2);

    /// <summary>Refused before a byte is read when the form says how large the file is.</summary>
    public static void CheckSize(long length)
    {
        if (length > MaxBytes)
        {
            throw TooLarge();
        }
    }

    private static DomainException TooLarge() =>
        new($"A photo is at most {MaxBytes / (1024 * 1024)} MB; make it smaller and upload it again.", "File", DomainErrorKind.TooLarge);

    public async Task<NewsPhoto> AddAsync(NewsItem item, Stream upload, PhotoText text, bool lead, CancellationToken ct = default)
    {
        await MayChangeAsync(item, ct);
        var words = Checked(text);
        var content = await ReadBoundedAsync(upload, ct);
        var (versions, width, height) = await MakeVersionsAsync(content, ct);

        var last = await db.NewsPhotos.Where(p => p.StoryId == item.StoryId).MaxAsync(p => (int?)p.SortOrder, ct);
        var photo = new NewsPhoto { MissionId = item.MissionId, StoryId = item.StoryId, Width = width, Height = height, SortOrder = (last ?? -1) + 1, CreatedAt = clock.GetUtcNow() };
        db.NewsPhotos.Add(photo);
        db.NewsPhotoTexts.Add(new NewsPhotoText { MissionId = item.MissionId, PhotoId = photo.Id, Language = item.Language, Alt = words.Alt!, Caption = words.Caption, Credit = words.Credit });
        if (lead || last is null)
        {
            await MakeLeadAsync(item.StoryId, photo, ct);
        }
        await newsroom.StoryChangedAsync(item.StoryId, ct);
        var written = new List<string>();
        try
        {
            foreach (var (size, bytes) in versions)
            {
                var key = NewsPhoto.KeyOf(item.MissionId, photo.Id, size);
                await store.WriteAsync(key, bytes, ct);
                written.Add(key);
            }
            await Newsroom.SaveVersionedAsync(db, cache, ct);
        }
        catch
        {
            await DeleteFilesAsync(store, photo, logger);
            throw;
        }
        return photo;
    }

    /// <summary>The photo's words in the item's language, and whether it leads.</summary>
    public async Task UpdateAsync(NewsItem item, Guid photoId, PhotoText text, bool lead, CancellationToken ct = default)
    {
        await MayChangeAsync(item, ct);
        var words = Checked(text);
        var photo = await db.NewsPhotos.AsTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.StoryId == item.StoryId, ct) ?? throw DomainException.NotFound("photo");
        var own = await db.NewsPhotoTexts.AsTracking().FirstOrDefaultAsync(t => t.PhotoId == photoId && t.Language == item.Language, ct);
        if (own is null)
        {
            db.NewsPhotoTexts.Add(new NewsPhotoText { MissionId = item.MissionId, PhotoId = photoId, Language = item.Language, Alt = words.Alt!, Caption = words.Caption, Credit = words.Credit });
        }
        else
        {
            (own.Alt, own.Caption, own.Credit) = (words.Alt!, words.Caption, words.Credit);
        }
        if (lead)
        {
            await MakeLeadAsync(item.StoryId, photo, ct);
        }
        await newsroom.StoryChangedAsync(item.StoryId, ct);
        await Newsroom.SaveVersionedAsync(db, cache, ct);
    }

    public async Task DeleteAsync(NewsItem item, Guid photoId, CancellationToken ct = default)
    {
        await MayChangeAsync(item, ct);
        var photo = await db.NewsPhotos.AsTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.StoryId == item.StoryId, ct) ?? throw DomainException.NotFound("photo");
        db.NewsPhotos.Remove(photo);
        if (photo.IsLead && await db.NewsPhotos.AsTracking().Where(p => p.StoryId == item.StoryId && p.Id != photo.Id).OrderBy(p => p.SortOrder).FirstOrDefaultAsync(ct) is { } next)
        {
            next.IsLead = true; // the gallery keeps a lead while it has photos
        }
        await newsroom.StoryChangedAsync(item.StoryId, ct);
        await Newsroom.SaveVersionedAsync(db, cache, ct);
        await DeleteFilesAsync(store, photo, logger);
    }

    /// <summary>The photo's files, as far as they can be deleted (<see cref="PhotoStoreExtensions.DeleteQuietlyAsync"/>).</summary>
    internal static Task DeleteFilesAsync(IPhotoStore store, NewsPhoto photo, ILogger logger) =>
        store.DeleteQuietlyAsync(Sizes.Select(s => NewsPhoto.KeyOf(photo.MissionId, photo.Id, s.Name)), logger);

    /// <summary>The story's photos, lead first, each with its words in <paramref name="language"/> where it has them.</summary>
    public async Task<IReadOnlyList<ShownPhoto>> OfStoryAsync(Guid storyId, string language, CancellationToken ct = default)
    {
        var photos = await db.NewsPhotos.AsNoTracking().Where(p => p.StoryId == storyId).OrderByDescending(p => p.IsLead).ThenBy(p => p.SortOrder).ToListAsync(ct);
        var ids = photos.Select(p => p.Id).ToList();
        var texts = (await db.NewsPhotoTexts.AsNoTracking().Where(t => ids.Contains(t.PhotoId)).ToListAsync(ct)).ToLookup(t => t.PhotoId);
        var primary = await db.NewsItems.AsNoTracking().Where(n => n.StoryId == storyId && n.IsPrimary).Select(n => n.Language).FirstOrDefaultAsync(ct);
        return [.. photos.Select(p =>
        {
            var t = texts[p.Id].FirstOrDefault(x => x.Language == language) ?? texts[p.Id].FirstOrDefault(x => x.Language == primary) ?? texts[p.Id].FirstOrDefault();
            return new ShownPhoto(p, t?.Alt ?? "", t?.Caption, t?.Credit);
        })];
    }

    /// <summary>The file of one size, for the pages that show it (they decide who may see it).</summary>
    public Stream? Open(NewsPhoto photo, string size) =>
        Sizes.Any(s => s.Name == size) ? store.Open(NewsPhoto.KeyOf(photo.MissionId, photo.Id, size)) : null;

    private async Task MayChangeAsync(NewsItem item, CancellationToken ct)
    {
        if (await db.NewsItems.AnyAsync(n => n.StoryId == item.StoryId && n.State == NewsState.Published, ct) && !scope.Can(item.MissionId, Newsroom.PublishersAtOnce))
        {
            throw new DomainException("The item is published: its photos change without a second approval, so an administrator of the mission changes them.",
                kind: DomainErrorKind.Forbidden);
        }
    }

    private async Task MakeLeadAsync(Guid storyId, NewsPhoto lead, CancellationToken ct)
    {
        foreach (var other in await db.NewsPhotos.AsTracking().Where(p => p.StoryId == storyId && p.IsLead && p.Id != lead.Id).ToListAsync(ct))
        {
            other.IsLead = false;
        }
        lead.IsLead = true;
    }

    private static PhotoText Checked(PhotoText text)
    {
        var errors = new Dictionary<string, string[]>();
        var alt = Contacts.Text.Clean(text.Alt);
        if (alt is null)
        {
            errors["Alt"] = ["Describe the photo for someone who cannot see it (alt text): who, where, doing what."];
        }
        foreach (var (field, value, max) in new[] { ("Alt", alt, TextLength), ("Caption", Contacts.Text.Clean(text.Caption), TextLength), ("Credit", Contacts.Text.Clean(text.Credit), 300) })
        {
            if (value is { Length: var n } && n > max)
            {
                errors[field] = [$"At most {max:N0} characters."];
            }
        }
        DomainException.ThrowIfAny(errors, "The photo was not saved.");
        return new PhotoText(alt, Contacts.Text.Clean(text.Caption), Contacts.Text.Clean(text.Credit));
    }

    /// <summary>The upload in memory, refused past <paramref name="max"/> bytes (<see cref="MaxBytes"/> by default) whatever its form said.</summary>
    internal static async Task<MemoryStream> ReadBoundedAsync(Stream upload, CancellationToken ct, long max = MaxBytes)
    {
        var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(buffer, ct)) > 0)
        {
            if (content.Length + read > max)
            {
                throw new DomainException($"The file is larger than {max / (1024 * 1024)} MB; make it smaller and upload it again.", "File", DomainErrorKind.TooLarge);
            }
            content.Write(buffer, 0, read);
        }
        content.Position = 0;
        return content;
    }

    // A file cut short or crafted fails in the decoder in many ways (its own exceptions, an end of stream, an index
    // out of range); each means "not a photo we can read". Cancellation and memory are not the file's fault.
    private static bool Unreadable(Exception e) => e is not (OperationCanceledException or OutOfMemoryException);

    /// <summary>The JPEG versions in <see cref="Sizes"/> of an image upload, with the largest one's size; shared with the press archive's clippings.</summary>
    internal static async Task<(List<(string Size, byte[] Bytes)> Versions, int Width, int Height)> MakeVersionsAsync(MemoryStream content, CancellationToken ct)
    {
        const string NotAnImage = "This file is not a JPEG, PNG or WebP photo (whatever its name says). Upload the photo itself.";
        SixLabors.ImageSharp.Formats.IImageFormat? format;
        IImageInfo? info;
        try
        {
            format = Image.DetectFormat(Formats, content);
            content.Position = 0;
            info = format is null ? null : await Image.IdentifyAsync(Formats, content, ct);
            content.Position = 0;
        }
        catch (Exception e) when (Unreadable(e))
        {
            throw new DomainException(NotAnImage, "File");
        }
        if (format is null || info is null)
        {
            throw new DomainException(NotAnImage, "File");
        }
        if ((long)info.Width * info.Height > MaxPixels || info.Width <= 0 || info.Height <= 0)
        {
            throw new DomainException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The photo says it is {info.Width:N0} × {info.Height:N0} pixels; at most {MaxPixels / 1_000_000} million pixels are taken."), "File");
        }
        if (!await Decoding.WaitAsync(TimeSpan.FromSeconds(30), ct))
        {
            throw new DomainException("The server is making other photos just now; upload this one again in a moment.", "File", DomainErrorKind.Conflict);
        }
        try
        {
            // One picture in memory, made smaller in place from the largest size to the smallest.
            using var image = await Image.LoadAsync<Rgba32>(Formats, content, ct);
            // JPEG has no transparency: a transparent PNG is laid on white, not on black.
            image.Mutate(x => x.AutoOrient().BackgroundColor(Color.White));
            image.Metadata.ExifProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.XmpProfile = null;
            var versions = new List<(string, byte[])>();
            int width = 0, height = 0;
            foreach (var (name, max) in Sizes)
            {
                if (image.Width > max || image.Height > max)
                {
                    image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(max, max), Mode = ResizeMode.Max }));
                }
                if (width == 0)
                {
                    (width, height) = (image.Width, image.Height);
                }
                using var bytes = new MemoryStream();
                await image.SaveAsJpegAsync(bytes, new JpegEncoder { Quality = 82 }, ct);
                versions.Add((name, bytes.ToArray()));
            }
            return (versions, width, height);
        }
        catch (Exception e) when (Unreadable(e))
        {
            throw new DomainException(NotAnImage, "File");
        }
        finally
        {
            Decoding.Release();
        }
    }
}
