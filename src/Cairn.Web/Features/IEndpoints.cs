namespace Cairn.Web.Features;

/// <summary>
/// A feature's JSON endpoints under /api/v1. Each feature folder maps its own, beside its page and handler;
/// the app finds them at start-up.
/// </summary>
public interface IEndpoints
{
    static abstract void Map(IEndpointRouteBuilder api);
}
