using System.Net;
using Cairn.Domain;
using Cairn.Domain.Shares;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Shares;

[Collection(FollowThroughGroup.Name)]
public sealed class AttachFileTests(FollowThroughFactory factory) : FollowThroughScenario(factory)
{
    [Fact]
    public async Task Attachments_are_checked_by_content_and_always_served_as_downloads()
    {
        Factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (police, _, id) = await SendAsync();

        var exe = new MultipartFormDataContent { { new ByteArrayContent("MZ\u0090\u0000 not a pdf"u8.ToArray()), "file", "report.pdf" } };
        var refused = await police.PostAsync($"/api/v1/shares/{id}/attachments", exe);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[AttachmentPolicy.MaxBytes + 10]), "file", "big.txt" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsync($"/api/v1/shares/{id}/attachments", big)).StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ShareAttachments.CountAsync(a => a.ShareId == new ShareId(id))));

        var pdf = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7\n<html><script>x</script>"u8.ToArray()), "file", "statement.pdf" } };
        var attached = await police.PostAsync($"/api/v1/shares/{id}/attachments", pdf);
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var attachment = (await attached.JsonAsync()).GetProperty("id").GetGuid();

        var download = await (await Factory.ApiAsAsync(Accounts.FrontDoor)).GetAsync($"/api/v1/shares/{id}/attachments/{attachment}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Factory.ApiAsAsync(Accounts.Uninvolved)).GetAsync($"/api/v1/shares/{id}/attachments/{attachment}")).StatusCode);
    }
}
