using System.Security.Claims;
using Attune.App.Features.Security;
using Attune.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Attune.Web.Features.Security;

internal sealed record SignInRequest(string? Email, string? Password);

internal sealed record RolesRequest(IReadOnlyList<string>? Roles);

internal sealed record PasswordRequest(string? Password);

internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

internal sealed record SetupStatus(bool AdminExists);

internal static class SecurityEndpoints
{
    public static void MapSecurity(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("").AllowAnonymous().WithTags("Sign-in and set-up");
        open.MapGet("/setup", async (Users users, CancellationToken ct) => TypedResults.Ok(new SetupStatus(await users.AdminExistsAsync(ct))));
        open.MapPost("/setup", async (NewUser request, Users users, HttpContext http, CancellationToken ct) =>
            (await users.SetUpAdminAsync(request, ct)).Created(u => $"/api/v1/users/{u.Id}"))
            .WithSummary("Creates the first administrator; refused (409) once one exists.");
        open.MapPost("/auth/login", async Task<IResult> (SignInRequest request, Sessions sessions, HttpContext http, CancellationToken ct) =>
        {
            var result = await sessions.SignInAsync(request.Email, request.Password, http.Connection.RemoteIpAddress?.ToString() ?? "", ct);
            if (result.Value is not { } session)
            {
                return TypedResults.Problem(result.Error!.Message, statusCode: 401, title: "Sign-in failed");
            }
            await UserPrincipal.SignInAsync(http, session);
            return TypedResults.Ok(session.User);
        }).Produces<UserView>().ProducesProblem(StatusCodes.Status401Unauthorized).RequireRateLimiting(Policies.IngestRate)
            .WithSummary($"Signs a person in with a cookie. {Sessions.MaxFailedSignIns} wrong passwords in a row lock the account for {Sessions.LockOutFor.TotalMinutes:N0} minutes.");

        var auth = api.MapGroup("/auth").WithTags("Sign-in and set-up");
        auth.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
        auth.MapPost("/password", async Task<IResult> (ChangePasswordRequest request, Sessions sessions, ClaimsPrincipal me, HttpContext http, CancellationToken ct) =>
        {
            if (me.UserId() is not { } id)
            {
                return Problems.From(App.Common.Failure.Forbidden("Only a person signed in with a password can change it; API keys have none."));
            }
            var result = await sessions.ChangePasswordAsync(id, request.CurrentPassword, request.NewPassword, ct);
            if (result.Value is not { } session)
            {
                return Problems.From(result.Error!);
            }
            // This session goes on under the new stamp; every other session of the account has ended.
            await UserPrincipal.SignInAsync(http, session);
            return TypedResults.NoContent();
        }).WithSummary("Changes the signed-in person's password, given the current one; their other sessions end.");
        auth.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new
        {
            name = user.Identity?.Name,
            roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value),
            scopes = user.FindAll(Policies.ScopeClaim).Select(c => c.Value),
        }));

        var admin = api.MapGroup("").RequireAuthorization(Policies.Admin).WithTags("Administration");
        admin.MapGet("/users", async (Users users, CancellationToken ct) => TypedResults.Ok(await users.ListAsync(ct)));
        admin.MapPost("/users", async (NewUser request, Users users, ClaimsPrincipal me, CancellationToken ct) =>
            (await users.CreateAsync(request, me.Actor(), ct)).Created(u => $"/api/v1/users/{u.Id}"));
        admin.MapPut("/users/{id:long}/roles", async (long id, RolesRequest request, Users users, ClaimsPrincipal me, CancellationToken ct) =>
            (await users.ChangeRolesAsync(id, request.Roles, me.Actor(), ct)).Ok());
        admin.MapPost("/users/{id:long}/deactivate", async (long id, Users users, ClaimsPrincipal me, CancellationToken ct) =>
            (await users.DeactivateAsync(id, me.Actor(), me.UserId(), ct)).Ok())
            .WithSummary("Ends the person's sessions and refuses their sign-ins; their open conversations go back to routing.");
        admin.MapPost("/users/{id:long}/reactivate", async (long id, Users users, ClaimsPrincipal me, CancellationToken ct) =>
            (await users.ReactivateAsync(id, me.Actor(), ct)).Ok());
        admin.MapPut("/users/{id:long}/password", async (long id, PasswordRequest request, Users users, ClaimsPrincipal me, CancellationToken ct) =>
            (await users.SetPasswordAsync(id, request.Password, me.Actor(), ct)).Ok())
            .WithSummary("Sets a new password for the person, lifts a lock-out and ends their sessions.");
        admin.MapPost("/api-keys", async (NewApiKey request, ApiKeys keys, ClaimsPrincipal me, CancellationToken ct) =>
            (await keys.CreateAsync(request, me.Actor(), ct)).Created(k => $"/api/v1/api-keys/{k.Id}"))
            .WithSummary("Creates an API key; the key is shown only in this response.");
        admin.MapGet("/api-keys", async (ApiKeys keys, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(ct)))
            .WithSummary("Every API key (name, first characters, scopes, created, revoked); never the key itself.");
        admin.MapDelete("/api-keys/{id:long}", async (long id, ApiKeys keys, ClaimsPrincipal me, CancellationToken ct) =>
            (await keys.RevokeAsync(id, me.Actor(), ct)).NoContent());
        admin.MapGet("/audit", async (Audit audit, CancellationToken ct, int take = 100, string? what = null, string? who = null, long? before = null) =>
            TypedResults.Ok((await audit.SearchAsync(what, who, before, take, ct)).Events))
            .WithSummary("The audit trail, newest first. what: a category (signin, people, keys, vulnerability, conversations, organisation) or an action prefix; who: part of the actor; before: an event id, for the next page (pass the last id you got).");
    }
}
