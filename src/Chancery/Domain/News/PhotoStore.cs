namespace Chancery.Domain.News;

/// <summary>
/// Where the news photos' files live, by key. The data folder by default (<see cref="FolderPhotoStore"/>); several
/// app servers need one store they all reach — a shared folder, or an object store behind this same interface.
/// </summary>
public interface IPhotoStore
{
    Task WriteAsync(string key, byte[] content, CancellationToken ct);
    /// <summary>The file, or null if there is none.</summary>
    Stream? Open(string key);
    Task DeleteAsync(string key, CancellationToken ct);
}

public static partial class PhotoStoreExtensions
{
    /// <summary>
    /// Deletes what it can of <paramref name="keys"/>: a file left behind is logged, not an error of the step that
    /// removed its record (which no longer points at it).
    /// </summary>
    public static async Task DeleteQuietlyAsync(this IPhotoStore store, IEnumerable<string> keys, ILogger logger)
    {
        foreach (var key in keys)
        {
            try
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
            catch (IOException e)
            {
                LogFileLeft(logger, key, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A removed file {Key} could not be deleted from the photo store.")]
    private static partial void LogFileLeft(ILogger logger, string key, Exception e);
}

/// <summary>Photos as files under a folder: <c>News:PhotoFolder</c>, else <c>photos/</c> in the data folder.</summary>
public sealed class FolderPhotoStore : IPhotoStore
{
    private readonly string _root;

    public FolderPhotoStore(Microsoft.Extensions.Options.IOptions<NewsOptions> options, Infrastructure.DataFolder data)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Value.PhotoFolder ?? Path.Combine(data.Path, "photos")));
        Directory.CreateDirectory(_root);
    }

    public async Task WriteAsync(string key, byte[] content, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside and moved into place: a reader never meets half a file.
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, content, ct);
        File.Move(temporary, path, overwrite: true);
    }

    public Stream? Open(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null;
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        File.Delete(path); // nothing to do when it is not there
        // The folders the key made, emptied by this, go too (a clipping's version, then its article's), never the root.
        for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > _root.Length && Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            if (Directory.EnumerateFileSystemEntries(folder).Any())
            {
                break;
            }
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                break; // something was written into it meanwhile: it stays
            }
        }
        return Task.CompletedTask;
    }

    // Keys are made by NewsPhoto.KeyOf from ids; a key that would leave the folder is a bug, not a request.
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : throw new ArgumentException("A photo key points outside the photo folder.", nameof(key));
    }
}
