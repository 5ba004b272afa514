// Practice page share box, progressively enhanced: the address and the e-mail link work without JavaScript;
// with it, "Copy link" copies the address and "Share…" opens the phone's share sheet where there is one.
document.querySelectorAll("[data-share]").forEach((box) => {
  const input = box.querySelector(".share__url");
  const status = box.querySelector("[data-share-status]");
  const copyButton = box.querySelector("[data-share-copy]");
  const shareButton = box.querySelector("[data-share-native]");
  const url = box.dataset.shareUrl;
  const say = (text) => {
    status.textContent = text;
  };
  const copyBySelection = () => {
    input.focus();
    input.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    say(copied ? box.dataset.copied : box.dataset.copyFailed);
  };

  input.addEventListener("focus", () => input.select());

  if (copyButton) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", () => {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(() => say(box.dataset.copied), copyBySelection);
      } else {
        copyBySelection();
      }
    });
  }
  if (shareButton && typeof navigator.share === "function") {
    shareButton.hidden = false;
    shareButton.addEventListener("click", () => {
      navigator
        .share({ title: box.dataset.shareTitle, text: box.dataset.shareText, url })
        .catch(() => {}); // the visitor closed the share sheet
    });
  }
});
