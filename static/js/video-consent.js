/* Two-click video: the provider's player is inserted only after the visitor asks for it.
   Without JavaScript the link leads to the video on the provider's own site. */
(function () {
    "use strict";

    function start(link) {
        var figure = link.closest("[data-video-consent]");
        var frame = figure.querySelector(".video__frame");
        var iframe = document.createElement("iframe");
        iframe.src = link.getAttribute("data-embed-url");
        iframe.title = link.getAttribute("data-embed-title") || "Video";
        iframe.allow = "autoplay; fullscreen; picture-in-picture";
        iframe.setAttribute("allowfullscreen", "");
        iframe.className = "video__player";
        frame.replaceChildren(iframe);
        figure.classList.add("video--playing");
        link.remove();
        iframe.focus();
    }

    function enhance(link) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button video__start";
        button.setAttribute("aria-describedby", link.getAttribute("aria-describedby"));
        button.textContent = "Video hier abspielen";
        var title = document.createElement("span");
        title.className = "visually-hidden";
        title.textContent = ": " + (link.getAttribute("data-embed-title") || "");
        button.appendChild(title);
        button.addEventListener("click", function () {
            start(link);
            button.remove();
        });
        // The link to the provider stays, as the alternative for those who prefer to watch there.
        link.classList.remove("button", "video__start");
        link.classList.add("video__external");
        link.parentNode.insertBefore(button, link);
    }

    document.querySelectorAll("[data-video-consent] a[data-embed-url]").forEach(enhance);
})();
