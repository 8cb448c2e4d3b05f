using Cairn.Domain.Agencies;

namespace Cairn.Domain.Tests.Agencies;

public sealed class ProfessionalTests
{
    private const string Reason = "Left the authority on 30 November; end of contract.";
    private static readonly ProfessionalId Administrator = ProfessionalId.New();

    private static Professional AWorker() =>
        Professional.Create(AgencyId.New(), null, "Test Worker", "Social worker", "test.worker@example.test", null, Role.Practitioner);

    [Fact]
    public void An_administrator_deactivates_an_active_professional_with_a_reason()
    {
        var worker = AWorker();

        Assert.Null(worker.Deactivate(Administrator, Reason));
        Assert.False(worker.IsActive);
    }

    [Fact]
    public void An_administrator_cannot_deactivate_themselves()
    {
        var admin = AWorker();

        var refusal = admin.Deactivate(admin.Id, Reason);

        Assert.NotNull(refusal);
        Assert.Contains(refusal.Errors, e => e.Field == "Action" && e.Message.Contains("your own account", StringComparison.Ordinal));
        Assert.True(admin.IsActive);
    }

    [Fact]
    public void Deactivating_twice_is_refused()
    {
        var worker = AWorker();
        worker.Deactivate(Administrator, Reason);

        var refusal = worker.Deactivate(Administrator, Reason);

        Assert.Equal("This account is already deactivated", Assert.Single(refusal!.Errors).Message);
    }

    [Fact]
    public void A_deactivated_professional_is_reactivated_with_a_reason_and_only_once()
    {
        var worker = AWorker();
        Assert.Equal("This account is already active", Assert.Single(worker.Reactivate(Reason)!.Errors).Message);
        worker.Deactivate(Administrator, Reason);

        Assert.Null(worker.Reactivate(Reason));
        Assert.True(worker.IsActive);
    }

    [Theory]
    [InlineData(null, "Enter the reason for this change")]
    [InlineData("   ", "Enter the reason for this change")]
    [InlineData("Left", "Enter a reason of at least 20 characters that says why, so that others can follow the decision")]
    [InlineData("  nineteen characters  ", "Enter a reason of at least 20 characters that says why, so that others can follow the decision")]
    public void A_change_without_a_real_reason_is_refused_and_changes_nothing(string? reason, string message)
    {
        var worker = AWorker();

        var deactivate = worker.Deactivate(Administrator, reason);

        Assert.Equal(new FieldError("Reason", message), Assert.Single(deactivate!.Errors));
        Assert.True(worker.IsActive);
        Assert.Equal(message, Assert.Single(Professional.CheckReason(reason)!.Errors).Message);
    }

    [Fact]
    public void A_reason_of_exactly_twenty_characters_is_enough_and_an_overlong_one_is_not()
    {
        Assert.Null(Professional.CheckReason(new string('a', Professional.MinReasonLength)));
        Assert.Null(Professional.CheckReason(new string('a', Professional.MaxReasonLength)));
        Assert.NotNull(Professional.CheckReason(new string('a', Professional.MaxReasonLength + 1)));
    }

    [Fact]
    public void A_refusal_lists_every_problem_at_once()
    {
        var admin = AWorker();

        var refusal = admin.Deactivate(admin.Id, "");

        Assert.Equal(["Action", "Reason"], refusal!.Errors.Select(e => e.Field));
    }
}
