using Cairn.Web.Auditing;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Auditing;

public sealed class AuditChainTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    [Fact]
    public async Task The_chain_verifies_after_reads_and_writes()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetAsync($"/people/{zofia.Value}");

        var (count, broken) = await factory.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None));

        Assert.True(count > 2);
        Assert.Null(broken);
    }

    [Fact]
    public async Task A_list_read_of_more_children_than_one_statement_holds_is_audited_whole_and_the_chain_still_verifies()
    {
        var action = "test.list-read." + Guid.NewGuid().ToString("N")[..8];
        var people = Enumerable.Range(0, (AuditChain.RowsPerStatement * 12) + 7).Select(_ => new Cairn.Domain.PersonId(Guid.NewGuid())).ToList();

        await factory.WithDbAsync(async db =>
        {
            await new AuditLog(db, new Cairn.Web.Security.CurrentUser(new Microsoft.AspNetCore.Http.HttpContextAccessor()), TimeProvider.System)
                .RecordReadsAsync(action, people, null, CancellationToken.None);
            return 0;
        });

        Assert.Equal(people.Count, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action)));
        Assert.Null((await factory.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None))).FirstBroken);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_audit_history()
    {
        var update = await Record.ExceptionAsync(() => factory.WithDbAsync(db => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, "tampered"))));
        var delete = await Record.ExceptionAsync(() => factory.WithDbAsync(db => db.AuditEntries.ExecuteDeleteAsync()));

        Assert.NotNull(update);
        Assert.NotNull(delete);
        Assert.Contains("append-only", update.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Outcome == "tampered")));
    }

    [Fact]
    public void A_changed_entry_no_longer_matches_its_hash()
    {
        var entry = new AuditEntry { Sequence = 1, At = DateTimeOffset.UnixEpoch, Action = "person.view", Outcome = "allowed", PreviousHash = AuditChain.Genesis };
        entry.Hash = AuditChain.Compute(entry);

        entry.Outcome = "refused";

        Assert.NotEqual(entry.Hash, AuditChain.Compute(entry));
    }
}
