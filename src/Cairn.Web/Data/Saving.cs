using Cairn.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Data;

/// <summary>
/// The one place a concurrency failure is caught. Every edited row carries a version (a concurrency token); when
/// someone else saved the same row between our read and our write, nothing of this change is kept, the context
/// forgets what it tracked, and the caller answers with a conflict or reads again. Never last-write-wins.
/// </summary>
public static class Saving
{
    /// <summary>Saves, or returns <paramref name="conflict"/> when another writer got there first (nothing is kept).</summary>
    public static async Task<Refusal?> SaveOrConflictAsync(this DbContext db, Refusal conflict, CancellationToken cancellationToken) =>
        await db.TrySaveAsync(cancellationToken) ? null : conflict;

    /// <summary>
    /// Saves; false when another writer changed a row first. The context then tracks nothing, so work that
    /// retries (a sweep, an evaluation) reads afresh.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
