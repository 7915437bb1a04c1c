"""Writes the real photographs of the "Real photos" page, taken from the sample images that ship
inside the scikit-image wheel (skimage/data/), with their licences:

    notebooks/.venv/bin/python notebooks/import_photos.py

- public/real/photos/<id>.jpg|png   each photo, at most 1024 px on its long side
- src/data/real/photos.json         id, size, sha256, source, licence, credit, question, alt per photo

Only photographs that scikit-image's own documentation (the docstrings of skimage/data/_fetchers.py)
says are CC0 or public domain are taken; public/real/photos/LICENSES.md gives the reasons per file.
Each source file is checked against the sha256 pinned below (the same as in skimage/data/_registry.py),
so the wheel's platform tag does not matter.
"""

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from PIL import Image, ImageOps

SKIMAGE = "0.26.0"
MAX_SIDE = 1024
JPEG_QUALITY = 90
# A PNG source this small stays PNG (lossless, and no bigger than a JPEG would be).
SMALL_PNG_BYTES = 150_000

CC0 = ("CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/")
NASA_PD = ("Public domain", "http://www.nasa.gov/audience/formedia/features/MP_Photo_Guidelines.html")
SPACEX_PD = ("Public domain", "http://arstechnica.com/tech-policy/2015/03/elon-musk-puts-spacex-photos-into-the-public-domain/")
PD = ("Public domain", None)
# Where skimage/data/_registry.py fetches the files from; the source of photos with no older origin.
DATA_REPO = "https://gitlab.com/scikit-image/data/-/raw/5c090b56df3988d988ff97928e2ef2d2cbe38e1b/"

# One row per photo: id, skimage/data file, its sha256, title, source text, source URL (None: DATA_REPO),
# licence, credit, question, alt.
PHOTOS = [
    ("astronaut", "astronaut.png", "88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5",
     "Astronaut Eileen Collins", "NASA Great Images database", "https://flic.kr/p/r9qvLn", NASA_PD, "NASA",
     "What flag is behind the woman?",
     "Portrait of astronaut Eileen Collins smiling in an orange spacesuit, a helmet in front of her, "
     "the United States flag and a space shuttle model behind her."),
    ("cameraman", "camera.png", "b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a",
     "Man with a camera", "scikit-image sample data (replacement of the classic cameraman image)", None, CC0, "Lav Varshney",
     "What is the man holding?",
     "Black-and-white photo of a man in a dark coat looking through a camera on a tripod on a lawn, "
     "buildings in the distance."),
    ("cat", "chelsea.png", "596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb",
     "Chelsea the cat", "scikit-image sample data", None, CC0, "Stefan van der Walt",
     "What colour are the cat's eyes?",
     "Close-up of the face of a tabby cat with green-yellow eyes and a pink nose."),
    ("coffee", "coffee.png", "cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7",
     "Coffee cup", "Courtesy of Pikolo Espresso Bar", None, CC0,
     "Rachel Michetti (Pikolo Espresso Bar)",
     "What is on the saucer next to the cup?",
     "A red cup of espresso on a red saucer with a spoon, on a wooden table."),
    ("rocket", "rocket.jpg", "c2dd0de7c538df8d111e479619b129464d0269d0ae5fd18ca91d33a7fdfea95c",
     "Falcon 9 carrying DSCOVR", "SpaceX Photos on Flickr",
     "https://www.flickr.com/photos/spacexphotos/16511594820/in/photostream/", SPACEX_PD, "SpaceX",
     "What is standing between the towers?",
     "A Falcon 9 rocket on its launch pad at dusk, between lightning towers, lights glowing at its base."),
    ("hubble-deep-field", "hubble_deep_field.jpg", "3a19c5dd8a927a9334bb1229a6d63711b1c0c767fb27e2286e7c84a3e2c2f5f4",
     "Hubble eXtreme Deep Field", "HubbleSite",
     "http://hubblesite.org/newscenter/archive/releases/2012/37/image/a/", NASA_PD, "NASA",
     "What does this image show?",
     "Thousands of small galaxies of many colours and shapes scattered over a black sky."),
    ("retina", "retina.jpg", "38a07f36f27f095e818aea7b96d34202c05176d30253c66733f2e00379e9e0e6",
     "Human retina", "Wikimedia Commons",
     "https://commons.wikimedia.org/wiki/File:Fundus_photograph_of_normal_left_eye.jpg", CC0, "Mikael Häggström",
     "What part of the body is shown?",
     "Fundus photograph of a normal left eye: an orange-red disc with blood vessels spreading from the bright optic disc."),
    ("clock", "clock_motion.png", "f029226b28b642e80113d86622e9b215ee067a0966feaf5e60604a1e05733955",
     "Motion-blurred clock", "scikit-image sample data", None, PD, "Stefan van der Walt",
     "What object is in the middle of the picture?",
     "Black-and-white photo of a round wall clock on a grey wall, smeared sideways by the camera moving during the exposure."),
    ("handwriting", "text.png", "bd84aa3a6e3c9887850d45d606c96b2e59433fbef50338570b63c319e668e6d1",
     "Handwritten symbols", "Wikipedia", "https://en.wikipedia.org/wiki/File:Corner.png", PD,
     "Wikipedia contributor (File:Corner.png)",
     "Is the text handwritten or printed?",
     "Black-and-white photo, at a slant, of handwritten mathematical formulas on lined paper."),
    ("brick-wall", "brick.png", "7966caf324f6ba843118d98f7a07746d22f6a343430add0233eca5f6eaaa8fcf",
     "Brick wall", "CC0Textures (Bricks25); perspective-corrected, rotated, cropped and scaled by scikit-image",
     "https://cc0textures.com/view.php?tex=Bricks25", CC0, "CC0Textures",
     "What is the wall made of?",
     "Black-and-white photo of a wall of long, narrow bricks laid in rows."),
    ("grass", "grass.png", "b6b6022426b38936c43a4ac09635cd78af074e90f42ffa8227ac8b7452d39f89",
     "Grass", "DeviantArt (Grass 01); cropped and converted to grayscale by scikit-image",
     "https://www.deviantart.com/linolafett/art/Grass-01-434853879", CC0, "linolafett",
     "What is covering the ground?",
     "Black-and-white close-up of a patch of grass and fallen blades seen from above."),
    ("gravel", "gravel.png", "c48615b451bf1e606fbd72c0aa9f8cc0f068ab7111ef7d93bb9b0f2586440c12",
     "Gravel", "CC0Textures (Gravel04); rescaled, cropped and converted to grayscale by scikit-image",
     "https://cc0textures.com/view.php?tex=Gravel04", CC0, "CC0Textures",
     "What are the small objects?",
     "Black-and-white photo of a layer of small angular stones seen from above."),
]


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def download_wheel(into):
    subprocess.run([sys.executable, "-m", "pip", "download", f"scikit-image=={SKIMAGE}", "--no-deps",
                    "--only-binary=:all:", "--quiet", "-d", str(into)], check=True)
    (wheel,) = into.glob(f"scikit_image-{SKIMAGE}-*.whl")
    return wheel


def web_image(data, source_name):
    """The photo as the site serves it: upright, at most MAX_SIDE px, and its bytes and extension."""
    image = Image.open(io.BytesIO(data))
    icc = image.info.get("icc_profile")
    # Pixels are rotated here once, so the output carries no orientation tag to misread.
    image = ImageOps.exif_transpose(image)
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if source_name.endswith(".png") and len(data) <= SMALL_PNG_BYTES:
        image.save(out, format="PNG", optimize=True, icc_profile=icc)
        return image, out.getvalue(), "png"
    image.convert("L" if image.mode in ("L", "I;16") else "RGB").save(
        out, format="JPEG", quality=JPEG_QUALITY, optimize=True, icc_profile=icc)
    return image, out.getvalue(), "jpg"


def main(argv=None):
    root = Path(__file__).resolve().parents[1]
    p = argparse.ArgumentParser()
    p.add_argument("--photos", type=Path, default=root / "public" / "real" / "photos")
    p.add_argument("--json", type=Path, default=root / "src" / "data" / "real" / "photos.json")
    args = p.parse_args(argv)
    args.photos.mkdir(parents=True, exist_ok=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(download_wheel(Path(tmp))) as wheel:
        for (pid, name, expected, title, source, source_url, (licence, licence_url), credit, question, alt) in PHOTOS:
            data = wheel.read(f"skimage/data/{name}")
            if sha256(data) != expected:
                sys.exit(f"skimage/data/{name} in scikit-image {SKIMAGE} has sha256 {sha256(data)}, expected {expected}")
            image, web, ext = web_image(data, name)
            (args.photos / f"{pid}.{ext}").write_bytes(web)
            rows.append({"id": pid, "title": title, "file": f"{pid}.{ext}", "width": image.width, "height": image.height,
                         "bytes": len(web), "sha256": sha256(web), "source": source, "sourceUrl": source_url or DATA_REPO + name,
                         "origin": f"scikit-image {SKIMAGE}, skimage/data/{name}", "licence": licence,
                         "licenceUrl": licence_url, "credit": credit, "question": question, "alt": alt})
            print(f"{pid}.{ext}: {image.width}×{image.height}, {len(web)} bytes")
    args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(rows)} photos, {sum(r['bytes'] for r in rows)} bytes")


if __name__ == "__main__":
    main()
