namespace Chancery.Infrastructure;

/// <summary>API.md: lists take ?limit=&amp;offset=, and without a limit return at most 1,000 items.</summary>
public static class Paging
{
    public const int MaxLimit = 1000;

    public static int Limit(int? limit) => Math.Clamp(limit ?? MaxLimit, 0, MaxLimit);

    public static int Offset(int? offset) => Math.Max(0, offset ?? 0);
}
