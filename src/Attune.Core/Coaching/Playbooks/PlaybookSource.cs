namespace Attune.Core.Coaching.Playbooks;

/// <summary>The text of one playbook or regional-norms file, as read by the caller (Core does no I/O).</summary>
/// <param name="Name">The file's name or path, used in error messages (e.g. <c>situations/bereavement.yaml</c>).</param>
/// <param name="Text">The file's content (UTF-8 text in the format of docs/playbooks.md).</param>
public sealed record PlaybookSource(string Name, string Text);
