"""The HTTP floor: a FastAPI endpoint that reads the body and answers 200, served like ingest is."""

import os

import uvicorn
from fastapi import FastAPI, Request, Response

app = FastAPI()


@app.post("/hook")
async def hook(request: Request) -> Response:
    await request.body()
    return Response(status_code=200)


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ["BARE_PORT"]), log_level="warning", access_log=False)
