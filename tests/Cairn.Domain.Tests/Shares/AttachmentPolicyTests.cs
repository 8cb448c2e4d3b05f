using System.Text;
using Cairn.Domain.Shares;

namespace Cairn.Domain.Tests.Shares;

public class AttachmentPolicyTests
{
    [Theory]
    [InlineData("report.pdf", "%PDF-1.7 rest", "application/pdf")]
    [InlineData("note.txt", "Visit notes, plain text.", "text/plain")]
    [InlineData("scan.PNG", "\u0089PNG\r\n\u001a\n....", "image/png")]
    public void Allowed_files_are_recognised_by_their_content(string name, string content, string type)
    {
        var outcome = AttachmentPolicy.Check(name, Encoding.Latin1.GetBytes(content));

        Assert.Equal(type, outcome.Value.ContentType);
    }

    [Theory]
    [InlineData("setup.exe", "MZ\u0090\u0000")]
    [InlineData("page.html", "<html><script>alert(1)</script>")]
    [InlineData("report.pdf", "<html>not really a pdf")]
    [InlineData("photo.jpg", "%PDF-1.4 renamed")]
    [InlineData("notes.txt", "binary\u0000data")]
    public void Anything_else_is_refused_whatever_its_name(string name, string content)
    {
        var outcome = AttachmentPolicy.Check(name, Encoding.Latin1.GetBytes(content));

        Assert.Equal("Attachment", Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void Empty_and_oversized_files_are_refused()
    {
        Assert.NotNull(AttachmentPolicy.Check("a.txt", []).Refusal);
        Assert.NotNull(AttachmentPolicy.Check("a.txt", new byte[AttachmentPolicy.MaxBytes + 1]).Refusal);
    }

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("C:\\Users\\x\\report.pdf", "report.pdf")]
    [InlineData("a\"b<c>.txt", "abc.txt")]
    [InlineData("", "attachment")]
    public void File_names_lose_paths_and_unsafe_characters(string name, string safe) =>
        Assert.Equal(safe, AttachmentPolicy.SafeName(name));
}
