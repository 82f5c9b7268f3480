namespace Chancery.Infrastructure;

/// <summary>
/// The folder for the embedded database, .eml files and other local state: <c>DataFolder</c> from
/// configuration, else <c>data/</c> under the directory the app runs from.
/// </summary>
public sealed class DataFolder
{
    public DataFolder(IConfiguration configuration)
    {
        Path = System.IO.Path.GetFullPath(configuration["DataFolder"] ?? "data");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }
}
