using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.News;

/// <summary>The output cache answers before sign-in is looked at (Program.cs): so whatever it keeps must be for anyone.</summary>
public sealed class NewsCacheTests
{
    [Fact]
    public async Task Every_endpoint_the_output_cache_may_keep_allows_anonymous_readers()
    {
        await using var app = await TestApp.StartAsync(Chancery.Data.DatabaseSetup.Sqlite, ("Email:RunWorker", "false"), ("News:RunScheduler", "false"));
        _ = app.CreateClient(); // builds the endpoints
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var cached = endpoints.Where(e => e.Metadata.GetMetadata<OutputCacheAttribute>() is not null || e.Metadata.GetMetadata<IOutputCachePolicy>() is not null).ToList();

        Assert.True(cached.Count >= 5, string.Join(", ", cached.Select(e => e.DisplayName))); // the list, an item, the two feeds, the embed script
        Assert.All(cached, e => Assert.True(e.Metadata.GetMetadata<IAllowAnonymous>() is not null, $"{e.DisplayName} is cached but not open to anyone"));
    }
}
