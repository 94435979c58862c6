// The Video SDK, as zoom/videosdk-web-sample src/App.tsx joins: init, then join(topic, signature, name, password).
"use strict";
window.addEventListener("DOMContentLoaded", async function () {
  const args = e2eArgs();
  const ZoomVideo = window.WebVideoSDK.default;
  const signature = await e2eSignature(args, "/zoom/video-signature",
                                       { sessionName: args.topic, role: args.role });
  if (signature === null) return;
  const client = ZoomVideo.createClient();
  const status = document.getElementById("session");
  try {
    // The SDK's own files from this server, not from source.zoom.us.
    await client.init("en-US", window.location.origin + "/sdk/videosdk/dist/lib", {
      patchJsMedia: true,
      leaveOnPageUnload: false,
    });
    e2eRecord("init-success", null);
  } catch (error) {
    e2eFinish("init-error", error);
    return;
  }
  try {
    const res = await client.join(args.topic, signature, args.name || "zoomsig e2e", args.pwd || "");
    status.textContent = "Joined";
    e2eFinish("join-success", res);
  } catch (error) {
    status.textContent = "Join failed: " + (error && error.reason) + " (" + (error && error.errorCode) + ")";
    e2eFinish("join-error", error);
  }
});
