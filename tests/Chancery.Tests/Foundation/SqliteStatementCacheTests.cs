using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Foundation;

/// <summary>
/// On SQLite each unit of work borrows a connection that stays open and keeps its compiled statements
/// (SqliteStatementCache). What a user relies on: every read answers with its own record, a unit of work that
/// failed half-way leaves nothing behind for the next one, and a query run again while its first answer is still
/// being read answers both.
/// </summary>
public sealed class SqliteStatementCacheTests(TestApp app) : IClassFixture<TestApp>
{
    private TestApp App { get; } = app.Ready();

    private async Task<Contact> AddAsync(Guid missionId, string lastName)
    {
        using var scope = App.BackgroundScope(missionId);
        return await scope.ServiceProvider.GetRequiredService<ContactDirectory>().SaveAsync(missionId, null, new ContactInput { LastName = lastName });
    }

    [Fact]
    public async Task A_read_on_a_kept_statement_answers_with_the_record_asked_for_each_time()
    {
        var mission = await App.CreateMissionAsync("Kept statements " + Guid.NewGuid());
        var people = new[] { await AddAsync(mission.Id, "Virtanen"), await AddAsync(mission.Id, "Okonkwo"), await AddAsync(mission.Id, "Zhang") };

        for (var round = 0; round < 3; round++)
        {
            using var scope = App.BackgroundScope(mission.Id);
            var directory = scope.ServiceProvider.GetRequiredService<ContactDirectory>();
            foreach (var person in people.Reverse())
            {
                var read = await directory.ReadToShowAsync(person.Id);
                Assert.Equal((person.Id, person.LastName), (read!.Id, read.LastName));
            }
            Assert.Null(await directory.ReadToShowAsync(Guid.NewGuid()));
        }
    }

    [Fact]
    public async Task A_burst_beyond_the_kept_connections_is_answered_on_plain_ones_and_keeps_none_of_them()
    {
        var mission = await App.CreateMissionAsync("Burst " + Guid.NewGuid());
        var person = await AddAsync(mission.Id, "Virtanen");
        var cache = App.Services.GetRequiredService<SqliteStatementCache>();

        // Every unit of work holding its connection at once: more than the cache keeps.
        var scopes = Enumerable.Range(0, SqliteStatementCache.KeptConnections + 16).Select(_ => App.BackgroundScope(mission.Id)).ToList();
        try
        {
            foreach (var scope in scopes)
            {
                var read = await scope.ServiceProvider.GetRequiredService<ContactDirectory>().ReadToShowAsync(person.Id);
                Assert.Equal("Virtanen", read!.LastName);
            }
            Assert.InRange(cache.KeptNow, 1, SqliteStatementCache.KeptConnections);
        }
        finally
        {
            scopes.ForEach(s => s.Dispose());
        }
        Assert.InRange(cache.KeptNow, 1, SqliteStatementCache.KeptConnections);
    }

    [Fact]
    public async Task A_unit_of_work_that_ends_inside_a_transaction_leaves_nothing_for_the_next()
    {
        var mission = await App.CreateMissionAsync("Abandoned transaction " + Guid.NewGuid());
        using (var failed = App.BackgroundScope(mission.Id))
        {
            var db = failed.ServiceProvider.GetRequiredService<ChanceryDb>();
            await db.Database.BeginTransactionAsync();
            await failed.ServiceProvider.GetRequiredService<ContactDirectory>().SaveAsync(mission.Id, null, new ContactInput { LastName = "Never committed" });
        }

        await AddAsync(mission.Id, "Committed");

        var names = await App.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.MissionId == mission.Id).Select(c => c.LastName).ToListAsync());
        Assert.Equal(["Committed"], names);
    }

    [Fact]
    public async Task A_query_run_again_while_its_first_answer_is_being_read_answers_both()
    {
        var mission = await App.CreateMissionAsync("Nested reads " + Guid.NewGuid());
        foreach (var name in new[] { "Abe", "Bauer", "Costa" })
        {
            await AddAsync(mission.Id, name);
        }

        using var scope = App.BackgroundScope(mission.Id);
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        IQueryable<string> Names() => db.Contacts.OrderBy(c => c.LastName).Select(c => c.LastName);
        var outer = new List<string>();
        await foreach (var name in Names().AsAsyncEnumerable())
        {
            outer.Add(name);
            Assert.Equal(["Abe", "Bauer", "Costa"], await Names().ToListAsync());
        }
        Assert.Equal(["Abe", "Bauer", "Costa"], outer);
    }
}
