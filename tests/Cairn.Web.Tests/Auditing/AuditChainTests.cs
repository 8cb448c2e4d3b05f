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
