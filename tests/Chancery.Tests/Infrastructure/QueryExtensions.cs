using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Infrastructure;

internal static class QueryExtensions
{
    /// <summary>The one row, across missions, tracked so that a test may change it and save.</summary>
    public static T IgnoreQueryFiltersSingle<T>(this DbSet<T> set, Expression<Func<T, bool>> predicate) where T : class =>
        set.IgnoreQueryFilters().AsTracking().Single(predicate);
}
