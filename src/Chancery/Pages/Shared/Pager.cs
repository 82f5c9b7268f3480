namespace Chancery.Pages.Shared;

/// <summary>
/// Where a long list stands (page N of M) and how to reach its neighbours; <paramref name="Link"/> builds a page's
/// address with the list's own filters, so paging never loses them.
/// </summary>
public sealed record Pager(int PageNumber, int Total, int PageSize, Func<int, string> Link)
{
    public int Pages => PageCount(Total, PageSize);

    /// <summary>The page asked for, brought inside the list (a removal can leave the last page empty).</summary>
    public static int Clamp(int asked, int total, int pageSize) => Math.Clamp(asked, 1, PageCount(total, pageSize));

    private static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
