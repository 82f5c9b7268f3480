using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace Chancery.Data;

/// <summary>
/// <c>dotnet Chancery.dll backup &lt;file&gt;</c> and <c>restore &lt;file&gt;</c> for an installation on SQLite
/// (docs/operations.md, "Backups"): one zip holding a consistent copy of the database, taken with SQLite's online
/// backup API while the app keeps running and writing, and every other file of the data folder (news photos, press
/// clippings, .eml mail). A restore puts them back into a data folder whose app is stopped. On PostgreSQL the
/// database is pg_dump's; these commands say so.
/// </summary>
public static class Backups
{
    public const string DatabaseEntry = "chancery.db";

    /// <summary>The exit code of <c>backup</c> or <c>restore</c> when <paramref name="args"/> ask for one; null to start the app.</summary>
    public static int? Run(string[] args, IConfiguration configuration)
    {
        if (args is not [("backup" or "restore") and var command, ..])
        {
            return null;
        }
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            Console.Error.WriteLine($"Usage: dotnet Chancery.dll {command} <file.zip>");
            return 2;
        }
        if (!string.Equals(configuration["Database:Provider"] ?? DatabaseSetup.Sqlite, DatabaseSetup.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine("This installation runs on PostgreSQL: back it up with pg_dump and the shared files (docs/operations.md, \"Backups\").");
            return 2;
        }
        var folder = Path.GetFullPath(configuration["DataFolder"] ?? "data");
        var connection = configuration.GetConnectionString("Chancery") ?? $"Data Source={Path.Combine(folder, DatabaseEntry)}";
        try
        {
            if (command == "backup")
            {
                var (files, bytes) = Backup(connection, folder, args[1]);
                Console.WriteLine($"Backed up the database and {files} files ({bytes / 1024:N0} KB) to {Path.GetFullPath(args[1])}.");
            }
            else
            {
                var files = Restore(args[1], connection, folder);
                Console.WriteLine($"Restored the database and {files} files into {folder}. Start the app.");
            }
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or SqliteException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"The {command} failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>Writes <paramref name="file"/>: the database as of one moment, then the data folder's other files; the number of files and the zip's size.</summary>
    public static (int Files, long Bytes) Backup(string connectionString, string dataFolder, string file)
    {
        var target = Path.GetFullPath(file);
        var partial = target + ".partial";
        var snapshot = Path.Combine(Path.GetTempPath(), $"chancery-backup-{Guid.NewGuid():N}.db");
        var database = DatabaseFile(connectionString);
        try
        {
            // The online backup copies a consistent state while writers go on (they wait only for its page copies).
            using (var source = new SqliteConnection(connectionString))
            using (var copy = new SqliteConnection($"Data Source={snapshot};Pooling=False"))
            {
                source.Open();
                source.BackupDatabase(copy);
            }
            var files = 0;
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(snapshot, DatabaseEntry, CompressionLevel.Optimal);
                foreach (var path in Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories))
                {
                    var full = Path.GetFullPath(path);
                    if (full == target || full == partial || IsDatabaseFile(full, database))
                    {
                        continue;
                    }
                    zip.CreateEntryFromFile(full, Path.GetRelativePath(dataFolder, full).Replace('\\', '/'), CompressionLevel.Optimal);
                    files++;
                }
            }
            File.Move(partial, target, overwrite: true);
            return (files, new FileInfo(target).Length);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(snapshot);
            File.Delete(partial);
        }
    }

    /// <summary>Puts <paramref name="file"/> back into <paramref name="dataFolder"/>; refuses while an app holds the database. The number of files besides the database.</summary>
    public static int Restore(string file, string connectionString, string dataFolder)
    {
        using var zip = ZipFile.OpenRead(file);
        if (zip.GetEntry(DatabaseEntry) is not { } db)
        {
            throw new InvalidDataException($"{file} holds no {DatabaseEntry}: it is not a Chancery backup.");
        }
        var database = DatabaseFile(connectionString);
        Directory.CreateDirectory(dataFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        if (File.Exists(database))
        {
            // A running app keeps its database open, and a database in WAL mode leaves it only when no other connection
            // is open: refused then (busy), and nothing is touched.
            using var check = new SqliteConnection($"Data Source={database};Pooling=False;Default Timeout=1");
            check.Open();
            using var command = check.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE;";
            string? mode;
            try
            {
                mode = command.ExecuteScalar() as string;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
            {
                mode = null;
            }
            if (!string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("The database is in use: stop the app first, then restore.");
            }
        }
        SqliteConnection.ClearAllPools();
        var root = Path.GetFullPath(dataFolder) + Path.DirectorySeparatorChar;
        var files = 0;
        foreach (var entry in zip.Entries.Where(e => e != db && e.Name.Length > 0))
        {
            var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{entry.FullName} would land outside the data folder: the file is not a Chancery backup.");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: true);
            files++;
        }
        foreach (var stale in new[] { database + "-wal", database + "-shm" })
        {
            File.Delete(stale);
        }
        db.ExtractToFile(database, overwrite: true);
        return files;
    }

    private static string DatabaseFile(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    private static bool IsDatabaseFile(string path, string database) =>
        path == database || path == database + "-wal" || path == database + "-shm" || path == database + "-journal";
}
