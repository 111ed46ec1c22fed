using Identity.Accounts.CreateStaff;
using Identity.Auth.ChangePassword;
using Identity.Auth.Login;
using Identity.Auth.PasswordReset;
using Identity.Contracts;

namespace Identity.Tests.Security;

/// <summary>Wolverine logs a message that fails with its text: the messages that carry secrets print without them.</summary>
public sealed class NoSecretsInMessageTextTests
{
    [Fact]
    public void Passwords_and_codes_never_appear_in_message_text()
    {
        new LogIn("u1", "S3cret-pass", "127.0.0.1").ToString().ShouldNotContain("S3cret-pass");
        new ChangeOwnPassword("u1", "S3cret-old", "S3cret-new").ToString().ShouldNotContain("S3cret");
        new ConfirmPasswordReset("u1", "654321", "S3cret-new").ToString().ShouldSatisfyAllConditions(
            s => s.ShouldNotContain("654321"), s => s.ShouldNotContain("S3cret"));
        new CreateStaffAccount("u1", "X", "school", null, "S3cret-pass").ToString().ShouldNotContain("S3cret");
        var reset = new PasswordResetRequested("u1", "654321", DateTimeOffset.UtcNow, null, null).ToString();
        reset.ShouldNotContain("654321");
        reset.ShouldContain("u1");
    }
}
