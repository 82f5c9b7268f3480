using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Chancery.Tests.News;

/// <summary>A story's photos: checked by content, sized, stripped of their location, public only once the story is.</summary>
public abstract class NewsPhotoTests(string provider) : IAsyncLifetime
{
    private TestApp _app = null!;
    private Mission _mission = null!;
    private HttpClient _press = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(provider, ("Email:RunWorker", "false"), ("News:RunScheduler", "false"));
        _mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        _press = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Press));
        _admin = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Admin));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    // A camera's photo: 2400 × 1600, with the place it was taken and the camera in its EXIF.
    private static byte[] CameraPhoto()
    {
        using var image = new Image<Rgb24>(2400, 1600, Color.CornflowerBlue);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(39, 1), new Rational(54, 1), new Rational(27, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(116, 1), new Rational(23, 1), new Rational(50, 1)]);
        exif.SetValue(ExifTag.Make, "SecretCam");
        image.Metadata.ExifProfile = exif;
        using var bytes = new MemoryStream();
        image.SaveAsJpeg(bytes);
        return bytes.ToArray();
    }

    private async Task<string> DraftAsync(string title = "Reception")
    {
        var response = await _press.PostAsJsonAsync("/api/news", new { title, body = "Text.", language = "en" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, byte[] content, string fileName, string? alt = "Guests in the garden", string contentType = "image/jpeg")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "alt");
        }
        form.Add(new StringContent("The garden at dusk"), "caption");
        form.Add(new StringContent("Photo: the Embassy"), "credit");
        return client.PostAsync($"/api/news/{id}/photos", form);
    }

    private int FilesKept() => Directory.Exists(Path.Combine(_app.DataFolder, "photos")) ? Directory.GetFiles(Path.Combine(_app.DataFolder, "photos"), "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task A_photo_is_kept_in_three_sizes_without_its_location_and_shown_once_the_story_is_public()
    {
        var original = CameraPhoto();
        Assert.NotNull(Image.Load(original).Metadata.ExifProfile); // the test's photo does carry it
        var id = await DraftAsync();

        var added = await UploadAsync(_press, id, original, "garden.jpg");
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var photo = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(photo.GetProperty("lead").GetBoolean()); // the first is the lead
        Assert.Equal((1600, 1067), (photo.GetProperty("width").GetInt32(), photo.GetProperty("height").GetInt32()));
        foreach (var (size, width) in new[] { ("large", 1600), ("medium", 800), ("thumb", 400) })
        {
            var bytes = await _press.GetByteArrayAsync(photo.GetProperty("urls").GetProperty(size).GetString());
            using var kept = Image.Load(bytes);
            Assert.Equal(width, kept.Width);
            Assert.Null(kept.Metadata.ExifProfile);
            Assert.DoesNotContain("SecretCam", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }

        // Not public while the story is a draft.
        var photoId = photo.GetProperty("id").GetString();
        var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/m/{_mission.Slug}/news/photos/{photoId}/large.jpg")).StatusCode);

        await _press.PostAsync($"/api/news/{id}/submit", null);
        var approver = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Press));
        var published = await (await approver.PostAsync($"/api/news/{id}/approve", null)).Content.ReadFromJsonAsync<JsonElement>();
        var page = await anonymous.GetStringAsync(new Uri(published.GetProperty("url").GetString()!).AbsolutePath);
        Assert.Contains($"photos/{photoId}/large.jpg\" srcset=", page, StringComparison.Ordinal);
        Assert.Contains("alt=\"Guests in the garden\"", page, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:image\" content=\"http://localhost/m/{_mission.Slug}/news/photos/{photoId}/large.jpg\">", page, StringComparison.Ordinal);
        var file = await anonymous.GetAsync($"/m/{_mission.Slug}/news/photos/{photoId}/large.jpg");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType!.MediaType);

        // Once public, the gallery changes as the text does: by an administrator.
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(_press, id, original, "more.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(_admin, id, original, "more.jpg")).StatusCode);
        // Another mission's address does not reach it.
        var other = await _app.CreateMissionAsync("Another embassy");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/m/{other.Slug}/news/photos/{photoId}/large.jpg")).StatusCode);
    }

    [Fact]
    public async Task A_photo_changed_after_approval_sends_the_story_back_for_approval()
    {
        var id = await DraftAsync();
        await _press.PostAsync($"/api/news/{id}/submit", null);
        var approver = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Press));
        var at = _app.Clock.GetUtcNow().AddHours(1);
        var scheduled = await (await approver.PostAsJsonAsync($"/api/news/{id}/approve", new { publishAt = at })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("scheduled", scheduled.GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(_press, id, CameraPhoto(), "added-later.jpg")).StatusCode);

        var item = await _press.GetFromJsonAsync<JsonElement>($"/api/news/{id}");
        Assert.Equal("draft", item.GetProperty("state").GetString()); // what was approved had no photo
        await _press.PostAsync($"/api/news/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/api/news/{id}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task A_disguised_file_an_image_bomb_and_a_photo_without_alt_text_are_refused_with_nothing_written()
    {
        var id = await DraftAsync();

        var refusals = new (byte[] Content, string Name, string? Alt, string Says)[]
        {
            (Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "photo.jpg", "x", "not a JPEG, PNG or WebP"),
            (Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "logo.png", "x", "not a JPEG, PNG or WebP"),
            (Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n"), "run.webp", "x", "not a JPEG, PNG or WebP"),
            (Bomb(50_000, 50_000), "small.png", "x", "50,000 × 50,000 pixels"),
            ([.. CameraPhoto().Take(600)], "cut.jpg", "x", "not a JPEG, PNG or WebP"),
            (CameraPhoto(), "fine.jpg", null, "alt text"),
        };
        foreach (var (content, name, alt, says) in refusals)
        {
            var response = await UploadAsync(_press, id, content, name, alt);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {text}");
            Assert.Contains(says, text, StringComparison.Ordinal);
        }

        Assert.Equal(0, await _app.WithDbAsync(db => db.NewsPhotos.IgnoreQueryFilters().CountAsync(p => p.MissionId == _mission.Id)));
        Assert.Equal(0, FilesKept());
    }

    // A PNG whose header claims width × height, with almost nothing behind it: a decompression bomb's shape.
    private static byte[] Bomb(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // 8 bits a sample
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}

public sealed class NewsPhotoTestsOnSqlite() : NewsPhotoTests(DatabaseSetup.Sqlite);

public sealed class NewsPhotoTestsOnPostgres() : NewsPhotoTests(DatabaseSetup.Postgres);
