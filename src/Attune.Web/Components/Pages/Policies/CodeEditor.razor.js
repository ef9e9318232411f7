// Selects one line of the policy editor and scrolls the shared box so the line shows with a little context above it.
export function jumpTo(textarea, line) {
    const lines = textarea.value.split('\n');
    const index = Math.min(line, lines.length) - 1;
    let start = 0;
    for (let i = 0; i < index; i++) {
        start += lines[i].length + 1;
    }
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(start, start + lines[index].length);
    const box = textarea.closest('.code-scroll');
    if (box) {
        const height = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
        box.scrollTop = Math.max(0, (index - 3) * height);
    }
}
