// The Meeting SDK component view, as zoom/meetingsdk-web-sample Components/src/index.tsx joins.
"use strict";
window.addEventListener("DOMContentLoaded", async function () {
  const args = e2eArgs();
  const signature = await e2eSignature(args, "/zoom/signature",
                                       { meetingNumber: args.mn, role: args.role });
  if (signature === null) return;
  const client = ZoomMtgEmbedded.createClient();
  try {
    await client.init({
      zoomAppRoot: document.getElementById("ZoomEmbeddedApp"),
      language: "en-US",
      // The SDK's own files from this server, not from source.zoom.us.
      assetPath: window.location.origin + "/sdk/meetingsdk/dist/lib/av",
    });
    e2eRecord("init-success", null);
  } catch (error) {
    e2eFinish("init-error", error);
    return;
  }
  const options = e2eJoinOptions({
    signature: signature,
    meetingNumber: args.mn,
    userName: args.name || "zoomsig e2e",
    password: args.pwd || "",
    userEmail: "",
  }, args);
  client.join(options).then(
    function (res) { e2eFinish("join-success", res); },
    function (error) { e2eFinish("join-error", error); },
  );
});
