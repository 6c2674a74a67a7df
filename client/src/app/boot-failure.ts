/** What the page says when the app cannot start (first visit with no connection, or a broken browser store). */
export function showBootFailure(): void {
  // Nothing could be loaded (first visit with no connection, or a broken browser store): say so plainly.
  const root = document.getElementById("root");
  if (root) {
    // Built as nodes, like every text of the app: nothing is ever written as HTML.
    const message = document.createElement("p");
    message.className = "boot";
    message.setAttribute("role", "alert");
    const english = document.createElement("span");
    english.lang = "en";
    english.textContent = "Machikoe could not start. Please open it again where you have a connection.";
    message.append("まちの声を開けませんでした。電波のよい所で、もう一度開いてください。", document.createElement("br"), english);
    root.replaceChildren(message);
  }
}
