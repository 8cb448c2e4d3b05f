using Cairn.Domain;
using Cairn.Domain.Shares;

namespace Cairn.Web.Features.Shares;

/// <summary>A step on a share. Version is the one the person saw; text is the note, outcome or reason the step needs.</summary>
public sealed record ShareStepCommand
{
    public int? Version { get; init; }
    public string? Text { get; init; }
}

/// <summary>What a step left: the share's status and its version now.</summary>
public sealed record ShareStepDone(ShareId Id, ShareStatus Status, int Version);
