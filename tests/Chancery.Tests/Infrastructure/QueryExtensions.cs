using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Infrastructure;

internal static class QueryExtensions
{
    public static T IgnoreQueryFiltersSingle<T>(this DbSet<T> set, Expression<Func<T, bool>> predicate) where T : class =>
        set.IgnoreQueryFilters().Single(predicate);
}
