namespace Attune.App.Common;

/// <summary>The closed set of expected failures; each maps to one HTTP status in Web.</summary>
public enum ErrorKind
{
    NotFound,
    Invalid,
    Conflict,
    Forbidden,
}

/// <summary>An expected failure, naming the field (JSON path or column) when one is to blame.</summary>
public sealed record Failure(ErrorKind Kind, string Message, string? Field = null)
{
    public static Failure NotFound(string what) => new(ErrorKind.NotFound, $"{what} was not found.");
    public static Failure Invalid(string field, string message) => new(ErrorKind.Invalid, message, field);
    public static Failure Conflict(string message, string? field = null) => new(ErrorKind.Conflict, message, field);
    public static Failure Forbidden(string message) => new(ErrorKind.Forbidden, message);
}

public readonly struct Result<T>
{
    internal Result(T? value, Failure? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public Failure? Error { get; }
    public bool IsOk => Error is null;

#pragma warning disable CA2225 // Implicit conversions keep handlers readable; Result.Ok/Fail are the named alternates.
    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Failure error) => new(default, error);
#pragma warning restore CA2225
}

public static class Result
{
    public static Result<T> Ok<T>(T value) => new(value, null);
    public static Result<T> Fail<T>(Failure error) => new(default, error);
}
