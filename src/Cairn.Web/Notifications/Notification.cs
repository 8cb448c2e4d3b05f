using Cairn.Domain;

namespace Cairn.Web.Notifications;

/// <summary>
/// A message for one professional: shown in the app, and the outbox a later email or SMS sender reads
/// (rows with no <see cref="SentAt"/>). Written in the same transaction as the event it tells about, so a
/// process that dies between the two loses neither. Holds no child's name: the link leads to a page that
/// checks who may see what.
/// </summary>
public sealed class Notification
{
    /// <summary>
    /// The one way to make a notification: to whom, what kind ("share.received"), the words (no child's name) and the
    /// page it leads to. Add it to the same unit of work as the step it tells about.
    /// </summary>
    public static Notification To(ProfessionalId professional, string kind, string text, string link, DateTimeOffset now) => new()
    {
        ProfessionalId = professional,
        Kind = kind,
        Text = text,
        Link = link,
        CreatedAt = now,
    };

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ProfessionalId ProfessionalId { get; set; }
    /// <summary>For example "share.received", "share.escalated".</summary>
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>A path inside Cairn, such as /shares/{id}.</summary>
    public string Link { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>When an external channel (email, SMS) delivered it; null while it waits in the outbox.</summary>
    public DateTimeOffset? SentAt { get; set; }
    public int SendAttempts { get; set; }
}
